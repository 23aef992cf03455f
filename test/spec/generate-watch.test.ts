// `npm run generate -- --watch` on a temporary copy of the spec: a save (made the way editors
// make it, by renaming a temporary file over the spec) regenerates the output, a broken save
// prints a failure and the watcher carries on, and the next good save regenerates again.
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, expect, it } from "vitest";

const repo = fileURLToPath(new URL("../..", import.meta.url));
const tsx = join(repo, "node_modules/tsx/dist/cli.mjs");
let work: string;
let watcher: ChildProcessWithoutNullStreams;
const lines: string[] = [];
const waiters: Array<() => void> = [];

/** Resolves with the first line printed from now on that matches `pattern`. */
// A generate-and-lint round takes a few seconds idle and over 30 s on a loaded 2-core machine;
// three rounds of 70 s fit the test's 300 s.
function nextLine(pattern: RegExp, timeoutMs = 70_000): Promise<string> {
  const from = lines.length;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no line matching ${pattern} in ${timeoutMs} ms; got:\n${lines.join("\n")}`)), timeoutMs);
    const check = () => {
      const line = lines.slice(from).find((text) => pattern.test(text));
      if (!line) return waiters.push(check);
      clearTimeout(timer);
      resolve(line);
    };
    check();
  });
}

/** Saves like an editor: write a temporary file beside the spec, then rename it over the spec. */
function save(spec: string, text: string): void {
  writeFileSync(`${spec}.tmp`, text);
  renameSync(`${spec}.tmp`, spec);
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), "hathora-watch-"));
  copyFileSync(join(repo, "openapi.yaml"), join(work, "openapi.yaml"));
  watcher = spawn(process.execPath, [tsx, "scripts/generate.ts", "--watch", "--spec", join(work, "openapi.yaml"), "--out", join(work, "generated")], { cwd: repo });
  createInterface({ input: watcher.stdout }).on("line", (line) => {
    lines.push(line);
    for (const waiter of waiters.splice(0)) waiter();
  });
  watcher.stderr.resume();
});
afterAll(() => {
  watcher.kill("SIGTERM");
  rmSync(work, { recursive: true, force: true });
});

it("regenerates on every save, survives a broken one, and lints each", async () => {
  const spec = join(work, "openapi.yaml");
  const started = await nextLine(/openapi\.yaml: (ok|FAILED)/);
  expect(started).toMatch(/: ok: generated .*; lint 0 errors, 0 warnings/);

  const original = readFileSync(spec, "utf8");
  expect(readFileSync(join(work, "generated/schema.ts"), "utf8")).toContain("Tracks the number of rooms");

  // A broken save first, then a good one: the good save proves both that a save regenerates and
  // that the watcher survived the broken one (three rounds of generate and lint, not four).
  save(spec, "openapi: 3.0.3\n  broken: [\n");
  expect(await nextLine(/openapi\.yaml: (ok|FAILED)/)).toMatch(/: FAILED: generate failed: YAMLParseError/);

  save(spec, original.replace("Tracks the number of rooms", "Holds the count of rooms"));
  expect(await nextLine(/openapi\.yaml: (ok|FAILED)/)).toMatch(/: ok: /);
  expect(readFileSync(join(work, "generated/schema.ts"), "utf8")).toContain("Holds the count of rooms");
}, 300_000);
