// The client's waits, backoffs and time limits run on the fake's clock: long virtual waits take
// milliseconds of wall time and end at the same virtual time on every run.
import { describe, expect, it } from "vitest";
import { ConnectionTimeoutError, createHathoraClient } from "../../src/index.js";
import { createFakeHathora } from "../../src/testing/index.js";

const START = Date.UTC(2026, 0, 1);

async function bootAndWait(): Promise<{ virtualMs: number; wallMs: number; polls: number }> {
  const fake = createFakeHathora({ bootMs: 30_000 });
  const hathora = createHathoraClient({ ...fake.clientOptions, logLevel: "off" });
  const wallStart = performance.now();
  const ready = await hathora.processesV3.createProcessAndWait({ region: "Frankfurt" });
  expect(ready.status).toBe("running");
  return { virtualMs: fake.clock.now() - START, wallMs: performance.now() - wallStart, polls: fake.calls.filter((call) => call.operationId === "GetProcess").length };
}

describe("virtual time (auto-advance)", () => {
  it("createProcessAndWait with bootMs 30_000 waits 30 virtual seconds in little wall time, the same on every run", async () => {
    const first = await bootAndWait();
    const second = await bootAndWait();
    expect(first.virtualMs).toBeGreaterThanOrEqual(30_000);
    expect(first.virtualMs).toBeLessThan(40_000);
    expect(first.wallMs).toBeLessThan(5_000);
    // The backoff jitter is random, so the poll times may differ; the outcome and poll count do not.
    expect(second.polls).toBe(first.polls);
  });

  it("a 429 with Retry-After: 60 is retried after 60 virtual seconds", async () => {
    const fake = createFakeHathora();
    const hathora = createHathoraClient({ ...fake.clientOptions, logLevel: "off" });
    fake.failNext("CreateProcess", { status: 429, retryAfterSeconds: 60 });
    const created = await hathora.processesV3.createProcess({ region: "Tokyo" });
    expect(fake.calls.map((call) => [call.status, call.at - START])).toEqual([
      [429, 0],
      [201, 60_000],
    ]);
    expect(created.createdAt).toBe(new Date(START + 60_000).toISOString());
  });

  it("a 45 s delay meets the client's 30 s time limit: the attempt is aborted and retried", async () => {
    const fake = createFakeHathora();
    const hathora = createHathoraClient({ ...fake.clientOptions, logLevel: "off", maxRetries: 1 });
    const { processId } = fake.addProcess({ region: "Tokyo" });
    fake.failNext("GetProcess", { delayMs: 45_000 });
    const { data, attempts } = await hathora.processesV3.getProcess({ processId }).withResponse();
    expect(data.processId).toBe(processId);
    expect(attempts).toBe(2);
    expect(fake.calls.map((call) => call.failure ?? call.status)).toEqual(["aborted", 200]);
    expect(fake.calls[1]!.at - START).toBeGreaterThanOrEqual(30_000);

    fake.failNext("GetProcess", { delayMs: 45_000 }, 2);
    await expect(hathora.processesV3.getProcess({ processId })).rejects.toBeInstanceOf(ConnectionTimeoutError);
  });

  it("with autoAdvance off, time moves only by clock.advance", async () => {
    const fake = createFakeHathora({ autoAdvance: false, bootMs: 10_000 });
    const hathora = createHathoraClient({ ...fake.clientOptions, logLevel: "off" });
    const waiting = hathora.processesV3.createProcessAndWait({ region: "Tokyo" });
    let settled = false;
    void waiting.then(() => (settled = true));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(fake.clock.now()).toBe(START);
    expect(settled).toBe(false);
    for (let step = 0; step < 40 && !settled; step++) {
      fake.clock.advance(1_000);
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    expect((await waiting).status).toBe("running");
  });

  it("the fake's fetch honours an aborted signal", async () => {
    const fake = createFakeHathora();
    const hathora = createHathoraClient({ ...fake.clientOptions, logLevel: "off" });
    fake.failNext("GetLatestProcesses", { delayMs: 5_000 });
    const controller = new AbortController();
    const call = hathora.processesV3.getLatestProcesses({ signal: controller.signal });
    controller.abort(new Error("the user gave up"));
    await expect(call).rejects.toThrow("the user gave up");
  });
});
