// One long-lived AbortSignal shared by every call (a service's shutdown signal) must cost
// nothing per call: no memory kept after the call, one listener however many calls wait on it,
// and no MaxListenersExceededWarning, which would look like a bug in the user's service.
import { getEventListeners } from "node:events";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { json, useFaultServer } from "../helpers/fault-server.js";
import { faultClient, processV3, rejectionOf } from "../helpers/fixtures.js";
import { runCommand } from "../helpers/run-command.js";

const server = useFaultServer();
const repo = fileURLToPath(new URL("../..", import.meta.url));

let warnings: Error[] = [];
const onWarning = (warning: Error) => warnings.push(warning);
beforeEach(() => {
  warnings = [];
  process.on("warning", onWarning);
});
afterEach(() => {
  process.off("warning", onWarning);
});

describe("a signal shared by many calls", () => {
  it("keeps no listener once the calls are done, after successes and errors alike", async () => {
    let hits = 0;
    const base = server.route((_, res) => (++hits % 2 ? json(res, 200, processV3) : json(res, 404, { message: "gone" })));
    const client = faultClient(base);
    const shutdown = new AbortController();
    const calls = Array.from({ length: 300 }, () => client.processesV3.getProcess({ processId: "p", signal: shutdown.signal }).catch(() => "failed"));
    expect(getEventListeners(shutdown.signal, "abort")).toHaveLength(1);
    const results = await Promise.all(calls);
    expect(results.filter((result) => result === "failed")).toHaveLength(150);
    expect(getEventListeners(shutdown.signal, "abort")).toHaveLength(0);
  });

  it("200 calls waiting in backoff on it share one listener, print no warning, and all end at its abort", async () => {
    const base = server.route((_, res) => json(res, 503, { message: "busy" }));
    // No retry budget: all 200 calls are to wait in their backoff, not half of them fail at once.
    const client = faultClient(base, { retryBaseDelayMs: 60_000, retryMaxDelayMs: 60_000, retryBudget: false });
    const shutdown = new AbortController();
    const calls = Array.from({ length: 200 }, () => rejectionOf(client.processesV3.getProcess({ processId: "p", signal: shutdown.signal })));
    while (server.seen(base).length < 200) await new Promise((resolve) => setTimeout(resolve, 10));
    await new Promise((resolve) => setTimeout(resolve, 50)); // every call is now in its backoff wait
    expect(getEventListeners(shutdown.signal, "abort")).toHaveLength(1);
    const started = Date.now();
    shutdown.abort();
    const errors = await Promise.all(calls);
    // Well under the 60 s backoff they were in, with room for a loaded machine.
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(errors.every((error) => error instanceof DOMException && error.name === "AbortError")).toBe(true);
    expect(server.seen(base)).toHaveLength(200);
    expect(getEventListeners(shutdown.signal, "abort")).toHaveLength(0);
    expect(warnings).toEqual([]);
  });

  it("20,000 calls sharing it leave the heap flat after GC (within 1 MB)", async () => {
    // In its own process, with --expose-gc; scripts/bench/shared-signal.ts prints the figures.
    const result = await runCommand(process.execPath, ["--expose-gc", "--import", "tsx", "scripts/bench/shared-signal.ts", "20000"], { cwd: repo });
    expect(result.code, result.out).toBe(0);
    const { growthMB } = JSON.parse(result.out) as { growthMB: string };
    expect(Number(growthMB)).toBeLessThan(1);
  });
});
