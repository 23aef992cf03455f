// maxConcurrency, against the fake on its virtual clock: never more requests in flight than the
// limit, queued calls go in their order, a queued call's signal works, and each attempt's time
// limit starts when it is sent.
import { describe, expect, it } from "vitest";
import { ConfigError, ConnectionTimeoutError, createHathoraClient, type HathoraClientOptions } from "../../src/index.js";
import { createFakeHathora, type FakeHathora } from "../../src/testing/index.js";

/** A client of the fake whose fetch counts the requests in flight (and delegates to the fake). */
function counted(fake: FakeHathora, options: Partial<HathoraClientOptions> = {}) {
  const flight = { now: 0, most: 0 };
  const fetch = async (request: Request) => {
    flight.most = Math.max(flight.most, ++flight.now);
    try {
      return await fake.fetch(request);
    } finally {
      flight.now--;
    }
  };
  return { flight, hathora: createHathoraClient({ ...fake.clientOptions, fetch, logLevel: "off", ...options }) };
}

describe("maxConcurrency", () => {
  it("4, with every answer delayed 1 s: 20 calls take at least 5 s, never more than 4 in flight (without it: 1 s, 20)", async () => {
    for (const [maxConcurrency, least, most, inFlight] of [
      [4, 5_000, 6_000, 4],
      [undefined, 1_000, 1_000, 20],
    ] as const) {
      const fake = createFakeHathora();
      const { flight, hathora } = counted(fake, maxConcurrency === undefined ? {} : { maxConcurrency });
      fake.failNext("*", { delayMs: 1_000 }, 20);
      const started = fake.clock.now();
      await Promise.all(Array.from({ length: 20 }, () => hathora.processesV3.getLatestProcesses()));
      expect(fake.clock.now() - started).toBeGreaterThanOrEqual(least);
      expect(fake.clock.now() - started).toBeLessThanOrEqual(most);
      expect(flight.most).toBe(inFlight);
      expect(fake.calls).toHaveLength(20);
    }
  });

  it("queued calls are sent in the order they were made", async () => {
    const fake = createFakeHathora();
    const { hathora } = counted(fake, { maxConcurrency: 2 });
    const ids = Array.from({ length: 8 }, () => fake.addProcess({ region: "Tokyo" }).processId);
    fake.failNext("*", { delayMs: 300 }, 8);
    const started = fake.clock.now();
    const results = await Promise.all(ids.map((processId) => hathora.processesV3.getProcess({ processId })));
    expect(results.map((process) => process.processId)).toEqual(ids);
    expect(fake.calls.map((call) => call.path.split("/").pop())).toEqual(ids);
    // Two at a time: the others waited their turn.
    expect(fake.calls.map((call) => call.at - started)).toEqual([0, 0, 300, 300, 600, 600, 900, 900]);
  });

  it("a queued call's signal works while it waits: it rejects with the reason and is never sent", async () => {
    const fake = createFakeHathora();
    const { hathora } = counted(fake, { maxConcurrency: 1 });
    fake.failNext("*", { delayMs: 1_000 }, 2);
    const controller = new AbortController();
    const first = hathora.processesV3.getLatestProcesses();
    const queued = hathora.processesV3.getLatestProcesses({ signal: controller.signal }).catch((error: unknown) => error);
    const third = hathora.processesV3.getLatestProcesses();
    fake.clock.setTimeout(() => controller.abort(new Error("no longer needed")), 500);
    expect(await queued).toEqual(new Error("no longer needed"));
    const started = fake.clock.now();
    await Promise.all([first, third]);
    expect(fake.calls).toHaveLength(2);
    expect(fake.clock.now() - started).toBe(1_500); // the third took the freed place at once
  });

  it("the per-attempt time limit starts when the request is sent, not while it waits for a slot", async () => {
    const fake = createFakeHathora();
    const { hathora } = counted(fake, { maxConcurrency: 1, timeoutMs: 1_500 });
    fake.failNext("*", { delayMs: 1_000 }, 3);
    const started = fake.clock.now();
    const results = await Promise.allSettled(Array.from({ length: 3 }, () => hathora.processesV3.getLatestProcesses()));
    expect(results.map((result) => result.status)).toEqual(["fulfilled", "fulfilled", "fulfilled"]);
    // The third waited 2 s for its slot, longer than its 1.5 s limit, and still succeeded.
    expect(fake.calls.map((call) => call.at - started)).toEqual([0, 1_000, 2_000]);

    // The limit still applies to the time after sending.
    fake.failNext("*", { delayMs: 2_000 }, 3);
    const late = await hathora.processesV3.getLatestProcesses({ maxRetries: 0 }).catch((error: unknown) => error);
    expect(late).toBeInstanceOf(ConnectionTimeoutError);
  });

  it("frees a slot on failure too, and a retry waits its turn like any other attempt", async () => {
    const fake = createFakeHathora();
    const { flight, hathora } = counted(fake, { maxConcurrency: 2 });
    fake.failNext("*", { status: 503, delayMs: 200 }, 10);
    await Promise.all(Array.from({ length: 10 }, () => hathora.processesV3.getLatestProcesses()));
    expect(flight.most).toBe(2);
    expect(fake.calls.filter((call) => call.status === 200)).toHaveLength(10);
  });

  it.each([0, 1.5, -1, "4", Number.NaN])("%j is a ConfigError", (maxConcurrency) => {
    expect(() => createHathoraClient({ token: "t", maxConcurrency: maxConcurrency as never })).toThrow(ConfigError);
    expect(() => createHathoraClient({ token: "t", maxConcurrency: maxConcurrency as never })).toThrow(/maxConcurrency must be a whole number, 1 or more/);
  });

  it("Infinity is the default: no limit", () => {
    expect(createHathoraClient({ token: "t", maxConcurrency: Number.POSITIVE_INFINITY }).processesV3).toBeDefined();
  });
});
