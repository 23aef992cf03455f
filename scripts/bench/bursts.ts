// Bursts and outages, before and after the client-wide retry budget, shared backoff and wait
// sharing: requests sent and the time to drain (on the fake's virtual clock, so the figures are
// the same on any machine) for the scenarios of docs/bursts-and-outages.md. Figures only, never
// a pass or fail. "before" is the client as it was at BEFORE_COMMIT (the commit these features
// were built on), taken with `git archive`; --before <dir> names another tree with a src/.
//   node --import tsx scripts/bench/bursts.ts [--before <dir>]
// `npm run bench` prints the same table first.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import * as current from "../../src/index.js";
import { createFakeHathora, type FakeHathora, type FakeHathoraOptions } from "../../src/testing/index.js";

const BEFORE_COMMIT = "e44121d";

type Library = Pick<typeof current, "createHathoraClient">;
type Client = ReturnType<typeof current.createHathoraClient>;

export interface BurstFigures {
  scenario: string;
  client: "before" | "after";
  requests: number;
  refused: number;
  succeeded: number;
  drainMs: number;
}

interface Scenario {
  name: string;
  fake?: FakeHathoraOptions;
  run(client: Client, fake: FakeHathora): Promise<PromiseSettledResult<unknown>[]>;
}

const times = (count: number, call: () => Promise<unknown>) => Promise.allSettled(Array.from({ length: count }, call));

const SCENARIOS: Scenario[] = [
  {
    name: "outage: 300 concurrent getLatestProcesses, every answer 503",
    run: (client, fake) => {
      fake.failNext("*", { status: 503 }, 1_000_000);
      return times(300, () => client.processesV3.getLatestProcesses());
    },
  },
  {
    name: "burst: 100 concurrent getLatestProcesses, fake limit 10/s burst 10",
    fake: { rateLimit: { perSecond: 10, burst: 10 } },
    run: (client) => times(100, () => client.processesV3.getLatestProcesses()),
  },
  {
    name: "tournament: 200 concurrent creates, fake limit 10/s burst 10",
    fake: { rateLimit: { perSecond: 10, burst: 10 } },
    run: (client) => times(200, () => client.processesV3.createProcess({ region: "Tokyo" })),
  },
  {
    name: "20 concurrent waitForProcess on one process (30 s boot)",
    fake: { bootMs: 30_000 },
    run: (client, fake) => {
      const { processId } = fake.addProcess({ region: "Tokyo", status: "starting" });
      return times(20, () => client.processesV3.waitForProcess({ processId }));
    },
  },
];

async function measure(library: Library, scenario: Scenario, label: BurstFigures["client"]): Promise<BurstFigures> {
  const fake = createFakeHathora(scenario.fake);
  const client = library.createHathoraClient({ ...fake.clientOptions, logLevel: "off" });
  const started = fake.clock.now();
  const results = await scenario.run(client, fake);
  return {
    scenario: scenario.name,
    client: label,
    requests: fake.calls.length,
    refused: fake.calls.filter((call) => call.status === 429).length,
    succeeded: results.filter((result) => result.status === "fulfilled").length,
    drainMs: fake.clock.now() - started,
  };
}

/** The client of `before` (a tree with src/), or of BEFORE_COMMIT, or undefined when neither can be had. */
async function beforeLibrary(beforeDir: string | undefined): Promise<Library | undefined> {
  let dir = beforeDir;
  if (dir === undefined) {
    dir = resolve(`.tmp/bench-before-${BEFORE_COMMIT}`);
    if (!existsSync(resolve(dir, "src/index.ts"))) {
      try {
        mkdirSync(dir, { recursive: true });
        execFileSync("sh", ["-c", `git archive ${BEFORE_COMMIT} src | tar -x -C "${dir}"`], { stdio: "ignore" });
      } catch {
        return undefined;
      }
    }
  }
  return (await import(pathToFileURL(resolve(dir, "src/index.ts")).href)) as Library;
}

/** Every scenario with the client before and after; prints the table and returns the figures. */
export async function burstBench(beforeDir?: string): Promise<BurstFigures[]> {
  const before = await beforeLibrary(beforeDir);
  const figures: BurstFigures[] = [];
  for (const scenario of SCENARIOS) {
    if (before) figures.push(await measure(before, scenario, "before"));
    figures.push(await measure(current, scenario, "after"));
  }
  const header = ["scenario", "client", "requests", "429s", "succeeded", "drain (virtual)"];
  const rows = figures.map((f) => [f.scenario, f.client, String(f.requests), String(f.refused), String(f.succeeded), `${(f.drainMs / 1000).toFixed(1)} s`]);
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? "").length)));
  const line = (cells: string[]) => `| ${cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(" | ")} |`;
  const beforeNote = before ? `before: the client at ${beforeDir ?? BEFORE_COMMIT}` : `before: unavailable (no git history for ${BEFORE_COMMIT}; pass --before <dir>)`;
  console.log(`Bursts and outages, against the fake on its virtual clock (${beforeNote}; after: this tree, default options)`);
  console.log([line(header), `|${widths.map((width) => "-".repeat(width + 2)).join("|")}|`, ...rows.map(line)].join("\n"), "\n");
  return figures;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const at = process.argv.indexOf("--before");
  await burstBench(at === -1 ? undefined : process.argv[at + 1]);
}
