// The checks `npm test` runs beside vitest (scripts/test.ts), or alone with `npm run checks`:
// spec lint, generated-code staleness, the release gate, the type check and the layout of src/
// (no import circle, no long file). The API report is checked by vitest on the packed package's
// declarations (test/spec/api-report.test.ts; `npm run check:api` alone emits its own). They are independent, so they run at once;
// each one's output is kept whole and printed in order once all are done.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

/** The npm scripts that make up the checks. */
export const CHECKS = ["lint", "check:generated", "check:breaking", "typecheck", "check:layout"];

/** How one check ended, and everything it printed. */
export interface CheckResult {
  script: string;
  code: number;
  output: string;
}

function run(script: string): Promise<CheckResult> {
  return new Promise((resolve) => {
    const child = spawn("npm", ["run", "-s", script], { stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("close", (code) => resolve({ script, code: code ?? 1, output }));
  });
}

/** Runs every check at once. */
export const runChecks = (): Promise<CheckResult[]> => Promise.all(CHECKS.map(run));

/** Prints the results in order, each output indented under its line; returns the failed scripts. */
export function reportChecks(results: CheckResult[]): string[] {
  for (const { script, code, output } of results) {
    const text = output.replace(/^npm warn Unknown user config.*\n/gm, "").trimEnd();
    console.log(`${code === 0 ? "ok  " : "FAIL"} npm run ${script}${text ? `\n${text.replace(/^/gm, "     ")}` : ""}`);
  }
  return results.filter((result) => result.code !== 0).map((result) => result.script);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const failed = reportChecks(await runChecks());
  if (failed.length > 0) {
    console.error(`Failed: ${failed.join(", ")}`);
    process.exit(1);
  }
}
