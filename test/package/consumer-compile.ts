// Type-checks the consumer test's files against the installed package: every file in one tsc
// program per module resolution, run side by side, instead of one program per file (each
// program re-checks @types/node and the package's declarations, which is most of tsc's time).
// A test then reads the diagnostics of its own files.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { runCommand } from "../helpers/run-command.js";

/** The strictest settings a user might have, and full checking of every declaration file. */
const STRICT = { strict: true, exactOptionalPropertyTypes: true, noUncheckedIndexedAccess: true, skipLibCheck: false };

/** The result of one tsc run, and the diagnostics of each file it reported on. */
export interface Compiled {
  code: number;
  out: string;
  /** The diagnostic lines (with their continuation lines) of `file`, "" when it has none. */
  diagnosticsOf(file: string): string;
  /** The files with diagnostics. */
  filesWithDiagnostics(): string[];
}

/** Writes `name` as a tsconfig over `files` with the strict settings and `compilerOptions`. */
export function writeTsconfig(dir: string, name: string, files: string[], compilerOptions: Record<string, unknown>): string {
  const options = { target: "ES2022", lib: ["ES2023"], types: ["node"], ...STRICT, ...compilerOptions };
  writeFileSync(join(dir, name), JSON.stringify({ compilerOptions: options, files }, null, 2));
  return name;
}

/** Runs tsc on a tsconfig of `dir` and splits what it printed by file. */
export async function compile(dir: string, tsc: string, config: string): Promise<Compiled> {
  const { code, out } = await runCommand(process.execPath, [tsc, "-p", config], { cwd: dir });
  const byFile = new Map<string, string[]>();
  let current = "";
  for (const line of out.split("\n")) {
    const file = /^([^\s(]+)\(\d+,\d+\): /.exec(line)?.[1];
    if (file) current = file;
    if (line.trim() === "") continue;
    byFile.set(current, [...(byFile.get(current) ?? []), line]);
  }
  return {
    code,
    out,
    diagnosticsOf: (file) => (byFile.get(file) ?? []).join("\n"),
    filesWithDiagnostics: () => [...byFile.keys()],
  };
}
