// npm run test:runtimes: the packed package, in a fresh project, runs one scenario on every
// runtime we support (Node 20, 22, 24, Bun, Deno, Cloudflare workerd, headless Chromium)
// against Prism and small local servers, and prints a table: step x runtime, with attempt
// counts. Exits 1 when any cell fails. For debugging and for finding minimum versions:
// `-- --only deno,chromium` runs a subset, `-- --use bun@1.1.0,node22@22.12.0` replaces pinned
// versions (the summary then says so).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startPrism } from "../prism.js";
import { startFixtureServers } from "./fixture-servers.js";
import { prepareFreshProject } from "./fresh-project.js";
import { judge, type Cell } from "./judge.js";
import { cacheRoot } from "./install.js";
import { freePort } from "./ports.js";
import { RUNTIMES } from "./runtimes.js";
import { SCENARIO_STEPS, type StepName } from "./scenario/scenario.js";
import { markdownTable } from "./table.js";

const RUN_TIMEOUT_MS = 120_000;
const onlyArgument = process.argv.indexOf("--only");
const only = onlyArgument === -1 ? undefined : (process.argv[onlyArgument + 1] ?? "").split(",");
const selected = RUNTIMES.filter((runtime) => only === undefined || only.includes(runtime.id));
if (selected.length === 0) throw new Error(`--only matches no runtime; known: ${RUNTIMES.map((runtime) => runtime.id).join(", ")}`);
const useArgument = process.argv.indexOf("--use");
const use = new Map(
  (useArgument === -1 ? [] : (process.argv[useArgument + 1] ?? "").split(",")).map((entry) => {
    const at = entry.lastIndexOf("@");
    return [entry.slice(0, at), entry.slice(at + 1)] as const;
  }),
);
for (const [id, version] of use) {
  if (!RUNTIMES.some((runtime) => runtime.id === id) || version === "") throw new Error(`--use takes <runtime>@<version>, runtime one of ${RUNTIMES.map((runtime) => runtime.id).join(", ")}`);
}

const startedAt = performance.now();
const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;
const work = mkdtempSync(join(tmpdir(), "hathora-runtimes-"));
process.once("exit", () => rmSync(work, { recursive: true, force: true })); // also after Ctrl-C
console.log(`Runtime cache: ${cacheRoot()}`);

const [prism, servers] = await Promise.all([startPrism(), startFixtureServers()]);
let failed = false;
try {
  // Installing runtimes and packing the package are independent; both only once per run.
  const [prepared, project] = await Promise.all([
    Promise.all(selected.map(async (runtime) => ({ runtime, ...(await runtime.prepare(use.get(runtime.id))) }))),
    prepareFreshProject(work),
  ]);
  console.log(`Ready after ${seconds(startedAt)} (runtimes installed, package packed and installed)`);
  // A port that was free a moment ago, and that nothing is started on: connecting is refused.
  const refusedUrl = `http://127.0.0.1:${await freePort()}`;

  const columns: Array<{ title: string; cells: Map<StepName, Cell>; time: string }> = [];
  for (const { runtime, launcher, version } of prepared) {
    const runStarted = performance.now();
    const runId = runtime.id;
    const config = { prismUrl: prism.url, fixturesUrl: `${servers.origin}/${runId}`, refusedUrl, token: "runtimes-harness-token" };
    let cells: Map<StepName, Cell>;
    try {
      cells = judge(runtime, runId, await launcher({ config, project, work, timeoutMs: RUN_TIMEOUT_MS }), servers);
    } catch (error) {
      const problem = `the run failed: ${(error as Error).message}`;
      cells = new Map(SCENARIO_STEPS.map((step) => [step, { ok: false, text: "FAIL", problem }]));
    }
    columns.push({ title: `${runtime.id} ${version}`, cells, time: seconds(runStarted) });
    console.log(`${runtime.id} ${version}: ${[...cells.values()].every((cell) => cell.ok) ? "passed" : "FAILED"} in ${seconds(runStarted)}`);
  }

  const rows = SCENARIO_STEPS.map((step) => [step, ...columns.map((column) => column.cells.get(step)?.text ?? "FAIL")]);
  rows.push(["time", ...columns.map((column) => column.time)]);
  console.log(`\n${markdownTable(["step", ...columns.map((column) => column.title)], rows)}`);
  console.log("(ok N: attempts; for the time limit, 503 then 200 and redirects, requests counted by the server)");

  for (const column of columns) {
    for (const [step, cell] of column.cells) {
      if (!cell.ok) {
        failed = true;
        console.log(`FAIL ${column.title}, ${step}: ${cell.problem ?? ""}`);
      }
    }
  }
  if (only !== undefined) console.log(`Only ${only.join(", ")} ran (--only).`);
  if (use.size > 0) console.log(`Versions chosen with --use: ${[...use].map(([id, version]) => `${id}@${version}`).join(", ")}.`);
} catch (error) {
  failed = true;
  console.error(error);
} finally {
  await Promise.all([prism.stop(), servers.close()]);
}
console.log(`${failed ? "FAILED" : "All passed"} in ${seconds(startedAt)}`);
process.exit(failed ? 1 : 0);
