// `npm test`: the checks (scripts/checks.ts) and vitest side by side rather than one after the
// other. vitest spends much of its time waiting (on Prism, child processes, a fake's boot), and
// the checks are CPU work that fills those gaps on a 2-core machine. vitest prints as it goes;
// the checks' results follow it. Arguments go to vitest (`npm test -- test/client`).
// Fails if vitest or any check fails.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { CHECKS, reportChecks, runChecks } from "./checks.js";

const vitest = fileURLToPath(new URL("../node_modules/vitest/vitest.mjs", import.meta.url));
const started = performance.now();
const checks = runChecks();
const vitestCode = await new Promise<number>((resolve) => {
  const child = spawn(process.execPath, [vitest, "run", ...process.argv.slice(2)], { stdio: "inherit" });
  child.on("close", (code) => resolve(code ?? 1));
});
console.log("");
const failed = reportChecks(await checks);
if (vitestCode !== 0) failed.push("vitest");
const seconds = ((performance.now() - started) / 1000).toFixed(1);
if (failed.length > 0) {
  console.error(`npm test failed in ${seconds} s: ${failed.join(", ")}`);
  process.exit(1);
}
console.log(`npm test passed in ${seconds} s: vitest and ${CHECKS.length} checks.`);
