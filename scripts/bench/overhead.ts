// The client's own cost per call, without a network: a fetch that answers at once, so what is
// measured is the client (arguments, URL, headers, time limit, parsing, observers), in µs per
// call. Interleaved rounds; the median and the best round are printed (the best is the least
// disturbed by other load on a shared machine).
//   node --expose-gc --import tsx scripts/bench/overhead.ts [rounds] [--before <dir with an older src/>]
// With --before (e.g. after `git archive main src | tar -x -C .tmp/main`), that tree's client
// runs beside this one, for a before/after of the default path.
import { tracingChannel } from "node:diagnostics_channel";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import * as current from "../../src/index.js";

const args = process.argv.slice(2);
const beforeAt = args.indexOf("--before");
const beforeDir = beforeAt === -1 ? undefined : args.splice(beforeAt, 2)[1];
const rounds = Number(args[0] ?? 40);
const CALLS = 2000;

type Client = typeof current;
const body = JSON.stringify({ processId: "p", status: "running" });
const fetch = async () => new Response(body, { status: 200, headers: { "content-type": "application/json", "x-request-id": "r" } });
const options = { token: "bench-token", appId: "a", baseUrl: "http://127.0.0.1:1", fetch };
const drop = () => {};
const getProcess = (library: Client, extra: Partial<current.HathoraClientOptions> = {}) => {
  const client = library.createHathoraClient({ ...options, ...extra });
  return () => client.processesV3.getProcess({ processId: "p" });
};

interface Case {
  name: string;
  call: () => Promise<unknown>;
}

async function run(cases: Case[]): Promise<void> {
  const times = cases.map(() => [] as number[]);
  for (let round = 0; round < rounds; round++) {
    for (let turn = 0; turn < cases.length; turn++) {
      const index = (round + turn) % cases.length;
      const { call } = cases[index] as Case;
      const begin = performance.now();
      for (let n = 0; n < CALLS; n++) await call();
      times[index]?.push(((performance.now() - begin) * 1000) / CALLS);
    }
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
  for (const [index, { name }] of cases.entries()) {
    const own = times[index] ?? [];
    console.log(`${name.padEnd(36)} median ${median(own).toFixed(1).padStart(6)} µs/call   best ${Math.min(...own).toFixed(1).padStart(6)} µs/call`);
  }
}

const before = beforeDir === undefined ? undefined : ((await import(pathToFileURL(resolve(beforeDir, "src/index.ts")).href)) as Client);
const bare: Case = { name: "fetch + json, no client", call: () => fetch().then((response) => response.json()) };
const logger = { error: drop, warn: drop, info: drop, debug: drop };

console.log(`No subscriber on ${current.OPERATION_CHANNEL} (${rounds} rounds of ${CALLS} calls):`);
await run([
  bare,
  ...(before ? [{ name: "before: defaults", call: getProcess(before) }] : []),
  { name: "defaults", call: getProcess(current) },
  { name: "info log (dropped) + onAttempt", call: getProcess(current, { logger, logLevel: "info", onAttempt: drop }) },
]);

// A subscriber sees every client of the process, so it is on for this second table only.
const channel = tracingChannel(current.OPERATION_CHANNEL);
const subscriber = { start: drop, end: drop, asyncStart: drop, asyncEnd: drop, error: drop };
channel.subscribe(subscriber);
console.log(`\nWith a subscriber on ${current.OPERATION_CHANNEL}:`);
await run([bare, { name: "all observers: log + onAttempt + trace", call: getProcess(current, { logger, logLevel: "info", onAttempt: drop }) }]);
channel.unsubscribe(subscriber);
