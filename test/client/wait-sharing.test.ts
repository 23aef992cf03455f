// Concurrent waits on one process share one poll loop per client, each keeping its own signal,
// deadline and target status; against the fake on its virtual clock.
import { describe, expect, it } from "vitest";
import { createHathoraClient, ProcessEndedError, WaitTimeoutError } from "../../src/index.js";
import { createFakeHathora, type FakeHathora } from "../../src/testing/index.js";

const client = (fake: FakeHathora) => createHathoraClient({ ...fake.clientOptions, logLevel: "off" });
const polls = (fake: FakeHathora) => fake.calls.filter((call) => call.operationId === "GetProcess").length;

/** A process that boots for 30 s, and the polls one wait for it makes alone. */
async function booting(): Promise<{ fake: FakeHathora; processId: string; alone: number }> {
  const solo = createFakeHathora({ bootMs: 30_000 });
  const { processId: soloId } = solo.addProcess({ region: "Tokyo", status: "starting" });
  await client(solo).processesV3.waitForProcess({ processId: soloId });
  const fake = createFakeHathora({ bootMs: 30_000 });
  const { processId } = fake.addProcess({ region: "Tokyo", status: "starting" });
  return { fake, processId, alone: polls(solo) };
}

describe("waitForProcess on one process, many callers", () => {
  it("20 concurrent waits make the polls of one (before: 20 times as many)", async () => {
    const { fake, processId, alone } = await booting();
    const hathora = client(fake);
    const ready = await Promise.all(Array.from({ length: 20 }, () => hathora.processesV3.waitForProcess({ processId })));
    expect(ready.every((process) => process.status === "running")).toBe(true);
    expect(alone).toBeGreaterThan(5);
    expect(polls(fake)).toBe(alone);
  });

  it("each caller keeps its own deadline: one times out, the others go on", async () => {
    const { fake, processId } = await booting();
    const hathora = client(fake);
    const started = fake.clock.now();
    const hasty = hathora.processesV3.waitForProcess({ processId, waitTimeoutMs: 2_000 }).catch((error: unknown) => [error, fake.clock.now() - started]);
    const patient = Array.from({ length: 5 }, () => hathora.processesV3.waitForProcess({ processId }));
    const [error, after] = (await hasty) as [WaitTimeoutError, number];
    expect(error).toBeInstanceOf(WaitTimeoutError);
    expect(error.lastProcess?.status).toBe("starting");
    expect(after).toBe(2_000);
    expect((await Promise.all(patient)).map((process) => process.status)).toEqual(Array(5).fill("running"));
  });

  it("each caller keeps its own signal: one aborts, the others go on", async () => {
    const { fake, processId } = await booting();
    const hathora = client(fake);
    const controller = new AbortController();
    const aborted = hathora.processesV3.waitForProcess({ processId, signal: controller.signal }).catch((error: unknown) => error);
    const others = Array.from({ length: 3 }, () => hathora.processesV3.waitForProcess({ processId }));
    fake.clock.setTimeout(() => controller.abort(new Error("match cancelled")), 3_000);
    expect(await aborted).toEqual(new Error("match cancelled"));
    expect((await Promise.all(others)).map((process) => process.status)).toEqual(Array(3).fill("running"));
  });

  it("each caller keeps its own target status", async () => {
    const { fake, processId } = await booting();
    const hathora = client(fake);
    const running = hathora.processesV3.waitForProcess({ processId });
    const stopped = hathora.processesV3.waitForProcess({ processId, until: "stopped" });
    expect((await running).status).toBe("running");
    fake.setStatus(processId, "failed");
    await expect(stopped).rejects.toBeInstanceOf(ProcessEndedError);
  });

  it("the loop stops when its last caller leaves: no poll after that", async () => {
    const { fake, processId } = await booting();
    const hathora = client(fake);
    const controller = new AbortController();
    const waits = Array.from({ length: 3 }, () => hathora.processesV3.waitForProcess({ processId, signal: controller.signal }).catch(() => "aborted"));
    fake.clock.setTimeout(() => controller.abort(), 3_000);
    expect(await Promise.all(waits)).toEqual(["aborted", "aborted", "aborted"]);
    const made = polls(fake);
    fake.clock.advance(60_000);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(polls(fake)).toBe(made);
    // A new wait starts a loop of its own.
    await hathora.processesV3.waitForProcess({ processId });
    expect(polls(fake)).toBeGreaterThan(made);
  });

  it("waits whose polls differ (headers, poll interval) do not share", async () => {
    const { fake, processId, alone } = await booting();
    const hathora = client(fake);
    await Promise.all([
      hathora.processesV3.waitForProcess({ processId }),
      hathora.processesV3.waitForProcess({ processId, headers: { "x-trace": "a" } }),
      hathora.processesV3.waitForProcess({ processId, pollIntervalMs: 501 }),
    ]);
    expect(polls(fake)).toBeGreaterThanOrEqual(3 * alone - 3);
  });
});
