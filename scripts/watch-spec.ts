// `npm run generate -- --watch`: regenerates and lints on every save of the spec, one line per
// save, until Ctrl-C. For the maintainer editing openapi.yaml.
// - It watches the spec's folder, not the file: most editors save by writing a temporary file
//   and renaming it over the original, which ends a watch on the file itself.
// - Events are debounced (an editor's save is several events) and compared by content, so a
//   save that changes nothing, or a second event for the same save, does nothing.
// - Generation runs in this process (what it throws is the round's failure; nothing of it is kept
//   between rounds), lint in a child process beside it, since Redocly's CLI is the rule: a broken
//   save prints a failure and the next save is tried afresh.
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync, watch, type FSWatcher } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { generateFiles } from "./generate/files.js";

const root = fileURLToPath(new URL("../", import.meta.url));
const redocly = resolve(root, "node_modules/@redocly/cli/bin/cli.js");
const DEBOUNCE_MS = 150;

export interface WatchOptions {
  spec: string;
  out: string;
  /** Receives one line per run. @default console.log */
  log?: (line: string) => void;
}

interface Outcome {
  ok: boolean;
  summary: string;
}

function run(args: string[], children: Set<ChildProcess>): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, args, { cwd: root, env: { ...process.env, REDOCLY_TELEMETRY: "off" } });
    children.add(child);
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk));
    child.on("close", (code) => {
      children.delete(child);
      done({ code: code ?? 1, stdout, stderr });
    });
  });
}

/** The line that names the problem: the thrown error's, else the first line with text. */
function problem(text: string): string {
  const lines = text.split("\n").map((line) => line.trim());
  const thrown = lines.find((line) => /^\w*Error\b/.test(line));
  // redocly: "Failed to parse API description at ...:" then "- <reason>"; its banners start with box characters.
  const listed = lines.find((line) => line.startsWith("- "))?.slice(2);
  return thrown ?? listed ?? lines.find((line) => /^[A-Za-z]/.test(line) && !line.startsWith("npm warn")) ?? "no output";
}

async function generate(spec: string, out: string): Promise<Outcome> {
  try {
    const files = await generateFiles(spec);
    await mkdir(out, { recursive: true });
    for (const [name, content] of Object.entries(files)) await writeFile(join(out, name), content);
    return { ok: true, summary: `generated ${out}` };
  } catch (error) {
    const message = error instanceof Error ? `${error.name}: ${error.message.split("\n")[0]}` : String(error);
    return { ok: false, summary: `generate failed: ${message}` };
  }
}

/** The same rule as scripts/lint-spec.ts (0 errors and 0 warnings), for any spec path. */
async function lint(spec: string, children: Set<ChildProcess>): Promise<Outcome> {
  // The JSON report is on stdout; stderr carries redocly's banners.
  const { stdout, stderr } = await run([redocly, "lint", spec, "--format=json", "--lint-config=error"], children);
  try {
    const { totals } = JSON.parse(stdout.slice(stdout.indexOf("{"))) as { totals: { errors: number; warnings: number } };
    const summary = `lint ${totals.errors} errors, ${totals.warnings} warnings`;
    return { ok: totals.errors + totals.warnings === 0, summary: totals.errors + totals.warnings === 0 ? summary : `${summary} (npm run lint shows them)` };
  } catch {
    return { ok: false, summary: `lint failed: ${problem(stderr || stdout)}` };
  }
}

export function watchSpec({ spec, out, log = console.log }: WatchOptions): { close(): void } {
  const file = resolve(spec);
  const children = new Set<ChildProcess>();
  let last: string | undefined;
  let timer: NodeJS.Timeout | undefined;
  let running = false;
  let again = false;
  let closed = false;

  const read = () => {
    try {
      return readFileSync(file, "utf8");
    } catch {
      return undefined; // between an editor's unlink and rename
    }
  };

  async function regenerate(): Promise<void> {
    if (running) {
      again = true; // a save during a run: run once more when it ends
      return;
    }
    const text = read();
    if (text === undefined || text === last) return;
    last = text;
    running = true;
    const started = performance.now();
    const [generated, linted] = await Promise.all([generate(file, out), lint(file, children)]);
    running = false;
    if (closed) return;
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const time = new Date().toTimeString().slice(0, 8);
    const verdict = generated.ok && linted.ok ? "ok" : "FAILED";
    log(`${time} ${basename(file)}: ${verdict}: ${generated.summary}; ${linted.summary} (${seconds} s)`);
    if (again) {
      again = false;
      void regenerate();
    }
  }

  const watcher: FSWatcher = watch(dirname(file), (_event, name) => {
    if (name !== basename(file)) return;
    clearTimeout(timer);
    timer = setTimeout(() => void regenerate(), DEBOUNCE_MS);
  });
  log(`watching ${spec}: regenerates ${out} and lints on every save; Ctrl-C stops.`);
  void regenerate();

  const close = () => {
    closed = true;
    clearTimeout(timer);
    watcher.close();
    for (const child of children) child.kill();
  };
  process.once("SIGINT", close);
  process.once("SIGTERM", close);
  return { close };
}
