// metrics of the packed bin: a chart per metric whose min, max, last and axis come from the
// fake's own series for the very request the bin sent, in MiB, KiB/s and percent; --json prints
// the series as GetProcessMetrics returns them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHathoraClient, type ProcessMetricsData } from "../../src/index.js";
import { createFakeHathora, type FakeServer } from "../../src/testing/index.js";
import { fakeEnv, hasEscapes, runBin } from "./run-bin.js";

const fake = createFakeHathora({ startTime: Date.now() });
// The same fake, in this process: what it answers to a request is what the bin was answered.
const client = createHathoraClient(fake.clientOptions);
let server: FakeServer;
let processId: string;
const bin = (...args: string[]) => runBin(args, fakeEnv(server.url));

/** The fake's answer to the metrics request the bin sent with `step`. */
async function seriesSentFor(step: number): Promise<ProcessMetricsData> {
  const call = fake.calls.find((entry) => entry.operationId === "GetProcessMetrics" && entry.path.includes(processId) && entry.query.step?.[0] === String(step));
  if (call === undefined) throw new Error(`no metrics request with step ${step}`);
  const [start, end] = [Number(call.query.start?.[0]), Number(call.query.end?.[0])];
  return client.processesV3.getProcessMetrics({ processId, metrics: call.query.metrics ?? [], start, end, step });
}

beforeAll(async () => {
  ({ processId } = fake.addProcess({ region: "Seattle", createdAt: new Date(Date.now() - 2 * 3_600_000).toISOString() }));
  server = await fake.listen();
});
afterAll(() => server.close());

describe.concurrent("hathora-processes metrics", () => {
  it("charts each metric with min, max and last of the fake's series, in its unit", async () => {
    const { code, stdout, stderr } = await bin("metrics", processId, "--metrics", "cpu,memory", "--metrics", "rateEgress,totalEgress", "--since", "30m", "--step", "60");
    expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
    const data = await seriesSentFor(60);
    const units: Array<[string, string, (value: number) => number]> = [
      ["cpu", "%", (value) => value],
      ["memory", "MiB", (value) => value / 2 ** 20],
      ["rateEgress", "KiB/s", (value) => value / 1024],
      ["totalEgress", "MiB", (value) => value / 2 ** 20],
    ];
    const charts = stdout.trimEnd().split("\n\n");
    expect(charts).toHaveLength(4);
    units.forEach(([metric, unit, convert], index) => {
      const values = (data[metric as keyof ProcessMetricsData] ?? []).map((point) => convert(point.value));
      expect(values).toHaveLength(31);
      const [min, max, last] = [Math.min(...values), Math.max(...values), values.at(-1) ?? NaN].map((value) => value.toFixed(1));
      const lines = charts[index]?.split("\n") ?? [];
      expect(lines[0]).toBe(`${metric} (${unit})  min ${min}  max ${max}  last ${last}`);
      // The axis runs from the largest value at the top to the smallest at the bottom.
      expect(lines[1]?.trim().split(" ")[0]).toBe(max);
      expect(lines.at(-2)?.trim().split(" ")[0]).toBe(min);
      expect(lines.at(-1)).toMatch(/^ +\d\d:\d\d:\d\d to \d\d:\d\d:\d\d, 60 s per point$/);
    });
    expect(hasEscapes(stdout)).toBe(false);
  });

  it("activeConnections is a count, and a series wider than the terminal is averaged into its 80 columns", async () => {
    const { code, stdout } = await bin("metrics", processId, "--metrics", "activeConnections", "--since", "1h", "--step", "10");
    expect(code).toBe(0);
    const values = ((await seriesSentFor(10)).activeConnections ?? []).map((point) => point.value);
    expect(values).toHaveLength(361);
    const lines = stdout.trimEnd().split("\n");
    expect(lines[0]).toBe(`activeConnections  min ${Math.min(...values)}  max ${Math.max(...values)}  last ${values.at(-1)}`);
    expect(Math.max(...lines.map((line) => line.length))).toBeLessThanOrEqual(80);
    expect(lines.at(-1)).toMatch(/, [2-9] points per column \(averaged\)$/);
  });

  it("--json prints the series as GetProcessMetrics returns them", async () => {
    const { code, stdout } = await bin("metrics", processId, "--json", "--since", "5m", "--step", "30");
    expect(code).toBe(0);
    const data = await seriesSentFor(30);
    expect(Object.keys(data).sort()).toEqual(["activeConnections", "cpu", "memory", "rateEgress"]);
    expect(JSON.parse(stdout)).toEqual(data);
  });

  it("says when a metric has no data in the span, and fails with exit 1 for an unknown process", async () => {
    const hour = 3_600_000;
    const ended = fake.addProcess({ region: "Tokyo", status: "stopped", createdAt: new Date(Date.now() - 5 * hour).toISOString(), terminatedAt: new Date(Date.now() - 3 * hour).toISOString() });
    const [old, missing] = await Promise.all([bin("metrics", ended.processId, "--metrics", "memory", "--since", "1h"), bin("metrics", "no-such-process")]);
    expect(old).toMatchObject({ code: 0, stdout: "memory (MiB)  no data in this time span\n" });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^hathora-processes: 404 Not Found: GET .*\/metrics\?.*: Process not found: no-such-process \(request id req-[0-9a-f-]{36}\)\n$/);
  });
});
