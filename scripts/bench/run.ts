// `npm run bench`: bursts and outages before and after the client-wide retry budget and shared
// backoff (bursts.ts, on virtual time), then this client against raw fetch, bare openapi-fetch
// and Hathora's official SDK, in one run. It prints figures and writes them to bench-results/; it never fails on
// timing. Run it on a quiet machine; the figures are for comparing contenders within one run.
import { spawn } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { tracingChannel } from "node:diagnostics_channel";
import { OPERATION_CHANNEL } from "../../src/index.js";
import { contenders, observedContender, type Contender } from "./contenders.js";
import { burstBench } from "./bursts.js";
import { bundleSizes, installCosts } from "./sizes.js";
import { measure, type Result, type Scenario } from "./throughput.js";

const quick = process.argv.includes("--quick");
const scale = quick ? 0.2 : 1;

async function startServer(): Promise<{ url: string; stop: () => void }> {
  const child = spawn(process.execPath, [new URL("server.mjs", import.meta.url).pathname], { stdio: ["pipe", "pipe", "inherit"] });
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout.once("data", (line: Buffer) => resolve((JSON.parse(line.toString()) as { port: number }).port));
    child.once("exit", (code) => reject(new Error(`bench server exited with ${code}`)));
  });
  return { url: `http://127.0.0.1:${port}`, stop: () => child.stdin.end() };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;

function table(headers: string[], rows: string[][]): string {
  const widths = headers.map((header, column) => Math.max(header.length, ...rows.map((row) => (row[column] ?? "").length)));
  const line = (cells: string[]) => `| ${cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(" | ")} |`;
  return [line(headers), `|${widths.map((width) => "-".repeat(width + 2)).join("|")}|`, ...rows.map(line)].join("\n");
}

const row = (r: Result) => [r.contender, r.callsPerSecond.toFixed(0), r.p50Ms.toFixed(3), r.p99Ms.toFixed(3), r.cpuUsPerCall.toFixed(0), `${r.timeVsRaw.toFixed(2)}x`, `${r.cpuVsRaw.toFixed(2)}x`];

async function main(): Promise<void> {
  const machine = {
    cpu: cpus()[0]?.model ?? "unknown",
    cores: cpus().length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
  };
  console.log(`Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, Node ${machine.node}${quick ? " (quick run)" : ""}\n`);

  // Virtual time: the same figures on any machine, and seconds of wall time.
  const bursts = await burstBench();

  const server = await startServer();
  const results: Result[] = [];
  try {
    const all = contenders(server.url);
    const scenarios: Scenario[] = [
      { name: "getProcess, sequential", call: (c) => c.getProcess("cbfcddd2-0006-43ae-996c-995fff7bed2e"), concurrency: 1, batchSize: 50, batches: Math.round(80 * scale) },
      { name: "getLatestProcesses, 100 in flight", call: (c) => c.getLatestProcesses(), concurrency: 100, batchSize: 400, batches: Math.round(15 * scale) },
      { name: "createProcess, sequential", call: (c) => c.createProcess(), concurrency: 1, batchSize: 50, batches: Math.round(30 * scale) },
    ];
    for (const scenario of scenarios) {
      const measured = await measure(scenario, all);
      results.push(...measured);
      console.log(`${scenario.name} (${measured[0]?.calls} calls each, interleaved)`);
      console.log(
        table(["client", "calls/s", "p50 ms", "p99 ms", "CPU µs/call", "time vs raw", "CPU vs raw"], measured.map(row)),
        "\n",
      );
    }
    // Every observer on, against raw fetch alone: a TracingChannel subscriber sees every client
    // of the process, so it is subscribed for this table only.
    const observed: Scenario = { name: "getProcess, sequential, all observers on", call: (c) => c.getProcess("cbfcddd2-0006-43ae-996c-995fff7bed2e"), concurrency: 1, batchSize: 50, batches: Math.round(80 * scale) };
    const drop = () => {};
    const subscriber = { start: drop, end: drop, asyncStart: drop, asyncEnd: drop, error: drop };
    const channel = tracingChannel(OPERATION_CHANNEL);
    channel.subscribe(subscriber);
    try {
      const measured = await measure(observed, [all[0] as Contender, observedContender(server.url)]);
      results.push(...measured);
      console.log(`${observed.name}: info log into a dropping logger, onAttempt, TracingChannel subscriber (${measured[0]?.calls} calls each, interleaved)`);
      console.log(table(["client", "calls/s", "p50 ms", "p99 ms", "CPU µs/call", "time vs raw", "CPU vs raw"], measured.map(row)), "\n");
    } finally {
      channel.unsubscribe(subscriber);
    }
  } finally {
    server.stop();
  }

  const bundles = await bundleSizes();
  console.log("Bundle that creates a client and calls processesV3.getProcess (esbuild, minified, platform node)");
  console.log(table(["entry", "minified", "min+gzip"], bundles.map((b) => [b.entry, kb(b.minifiedBytes), kb(b.gzippedBytes)])), "\n");

  const installs = installCosts(quick ? 5 : 9);
  console.log("Installed alone in a fresh project; cold start of `node -e 'await import(pkg)'` (median)");
  console.log(
    table(
      ["package", "packages", "installed", "cold start", "import cost"],
      installs.map((i) => [i.name, String(i.packages), mb(i.installedBytes), `${i.coldStartMs.toFixed(0)} ms`, `${i.importMs.toFixed(0)} ms`]),
    ),
  );

  mkdirSync("bench-results", { recursive: true });
  const report = { date: new Date().toISOString(), machine, quick, bursts, results, bundles, installs };
  const file = `bench-results/bench-${report.date.replace(/[:.]/g, "-")}.json`;
  writeFileSync(file, JSON.stringify(report, null, 2));
  writeFileSync("bench-results/latest.json", JSON.stringify(report, null, 2));
  console.log(`\nFigures written to ${file} (and bench-results/latest.json).`);
}

await main();
