// Lints openapi.yaml with the rules in redocly.yaml and fails on any problem, warnings
// included: `redocly lint` alone exits 0 on warnings, and a published spec should have none.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const redocly = fileURLToPath(new URL("../node_modules/@redocly/cli/bin/cli.js", import.meta.url));
const env = { ...process.env, REDOCLY_TELEMETRY: "off" };
const run = (format: string) =>
  spawnSync(process.execPath, [redocly, "lint", "openapi.yaml", `--format=${format}`, "--lint-config=error"], { encoding: "utf8", env });

const result = run("json");
const report = JSON.parse(result.stdout.slice(result.stdout.indexOf("{"))) as { totals: { errors: number; warnings: number } };
const { errors, warnings } = report.totals;
if (errors + warnings > 0) {
  process.stdout.write(run("codeframe").stdout);
  console.error(`openapi.yaml: ${errors} errors, ${warnings} warnings (both must be 0).`);
  process.exit(1);
}
console.log("openapi.yaml: 0 errors, 0 warnings.");
