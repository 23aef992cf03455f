// The checks `npm test` runs before vitest: spec lint, generated-code staleness, the release
// gate, the API report, the type check and the layout of src/ (no import circle, no long
// file). They are independent, so they run at once (two of them are single-threaded tsc runs
// that would otherwise leave a core idle); each one's output is printed whole, in order, and
// the run fails if any of them fails.
import { spawn } from "node:child_process";

const CHECKS = ["lint", "check:generated", "check:breaking", "check:api", "typecheck", "check:layout"];

function run(script: string): Promise<{ script: string; code: number; output: string }> {
  return new Promise((resolve) => {
    const child = spawn("npm", ["run", "-s", script], { stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("close", (code) => resolve({ script, code: code ?? 1, output }));
  });
}

const results = await Promise.all(CHECKS.map(run));
for (const { script, code, output } of results) {
  const text = output.replace(/^npm warn Unknown user config.*\n/gm, "").trimEnd();
  console.log(`${code === 0 ? "ok  " : "FAIL"} npm run ${script}${text ? `\n${text.replace(/^/gm, "     ")}` : ""}`);
}
const failed = results.filter((result) => result.code !== 0).map((result) => result.script);
if (failed.length > 0) {
  console.error(`Failed: ${failed.join(", ")}`);
  process.exit(1);
}
