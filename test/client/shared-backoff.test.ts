// The shared backoff, against the fake on its virtual clock: a Retry-After holds back every call
// of the client, the calls held back are let go over a short window after it (never before), a
// 429 makes the client pace itself, and retries without Retry-After are spread by jitter.
import { describe, expect, it } from "vitest";
import { createHathoraClient, type HathoraClientOptions } from "../../src/index.js";
import { createFakeHathora, type FakeCall, type FakeHathora } from "../../src/testing/index.js";

const client = (fake: FakeHathora, options: Partial<HathoraClientOptions> = {}) => createHathoraClient({ ...fake.clientOptions, logLevel: "off", ...options });
/** Lets every pending promise continuation and I/O callback run (the virtual clock stands still). */
const settle = async () => {
  for (let i = 0; i < 20; i++) await new Promise((resolve) => setImmediate(resolve));
};
/** The most calls in any window of `ms` (each window starting at a call). */
const mostWithin = (times: number[], ms: number) => Math.max(...times.map((start) => times.filter((time) => time >= start && time < start + ms).length));

describe("against a rate-limited fake (10 per second, burst 10)", () => {
  it("100 concurrent calls with the default options all succeed, with at most 110 answers of 429", async () => {
    const fake = createFakeHathora({ rateLimit: { perSecond: 10, burst: 10 } });
    const hathora = client(fake);
    const started = fake.clock.now();
    const results = await Promise.allSettled(Array.from({ length: 100 }, () => hathora.processesV3.getLatestProcesses()));
    expect(results.filter((result) => result.status === "rejected")).toEqual([]);
    const refused = fake.calls.filter((call) => call.status === 429);
    // The first burst cannot know the limit: 90 of the first 100 are refused.
    expect(refused.length).toBeGreaterThanOrEqual(90);
    expect(refused.length).toBeLessThanOrEqual(110);
    // After it the client paces itself: no retry before the Retry-After, and the rest drain at about the limit.
    expect(fake.calls.filter((call) => call.at > started).every((call) => call.at >= started + 1_000)).toBe(true);
    expect(fake.clock.now() - started).toBeGreaterThanOrEqual(8_000);
  });

  it("a tournament's 200 concurrent creates all succeed (before: 30 of 200), each created once", async () => {
    const fake = createFakeHathora({ rateLimit: { perSecond: 10, burst: 10 } });
    const hathora = client(fake);
    const results = await Promise.allSettled(Array.from({ length: 200 }, () => hathora.processesV3.createProcess({ region: "Tokyo" })));
    expect(results.filter((result) => result.status === "rejected")).toEqual([]);
    expect(fake.processes()).toHaveLength(200);
    // Pacing probes for more now and then; a call refused again goes first after the hold, so
    // no call is refused three times.
    expect(fake.calls.filter((call) => call.status === 429).length).toBeLessThanOrEqual(230);
  });

  it("stops pacing once no 429 came for 10 s: then calls go out at once again", async () => {
    const fake = createFakeHathora({ rateLimit: { perSecond: 10, burst: 10 } });
    const hathora = client(fake);
    await Promise.all(Array.from({ length: 30 }, () => hathora.processesV3.getLatestProcesses()));
    fake.clock.advance(11_000);
    const before = fake.calls.length;
    const at = fake.clock.now();
    await Promise.all(Array.from({ length: 10 }, () => hathora.processesV3.getLatestProcesses()));
    expect(fake.calls.slice(before).map((call: FakeCall) => [call.status, call.at - at])).toEqual(Array(10).fill([200, 0]));
  });
});

describe("a Retry-After", () => {
  it("holds back every call of the client, also one started after the 429, and lets them go after it, in order", async () => {
    const fake = createFakeHathora({ autoAdvance: false });
    const hathora = client(fake);
    const started = fake.clock.now();
    fake.failNext("CreateProcess", { status: 429, retryAfterSeconds: 5 });
    const create = hathora.processesV3.createProcess({ region: "Tokyo" });
    await settle();
    const list = hathora.processesV3.getLatestProcesses();
    await settle();
    fake.clock.advance(4_999);
    await settle();
    expect(fake.calls.map((call) => call.operationId)).toEqual(["CreateProcess"]);
    // The two calls held back are let go over the second after the hold: the first at its end.
    fake.clock.advance(1);
    await settle();
    fake.clock.advance(500);
    await Promise.all([create, list]);
    expect(fake.calls.map((call) => [call.operationId, call.status, call.at - started])).toEqual([
      ["CreateProcess", 429, 0],
      ["CreateProcess", 201, 5_000],
      ["GetLatestProcesses", 200, 5_500],
    ]);
  });

  it("on a 503 holds back the other calls too", async () => {
    const fake = createFakeHathora();
    const hathora = client(fake);
    const started = fake.clock.now();
    fake.failNext("GetProcess", { status: 503, retryAfterSeconds: 3 });
    const { processId } = fake.addProcess({ region: "Tokyo" });
    const first = hathora.processesV3.getProcess({ processId });
    await settle();
    await Promise.all([first, hathora.processesV3.getLatestProcesses()]);
    expect(fake.calls.slice(1).every((call) => call.at - started >= 3_000)).toBe(true);
  });

  it("a held call's own signal still works: it rejects at once with the reason and is never sent", async () => {
    const fake = createFakeHathora({ autoAdvance: false });
    const hathora = client(fake);
    fake.failNext("*", { status: 429, retryAfterSeconds: 30 });
    const first = hathora.processesV3.getLatestProcesses().catch((error: unknown) => error);
    await settle();
    const controller = new AbortController();
    const held = hathora.processesV3.getLatestProcesses({ signal: controller.signal }).catch((error: unknown) => error);
    await settle();
    controller.abort(new Error("caller gave up"));
    expect(await held).toEqual(new Error("caller gave up"));
    fake.clock.advance(31_000);
    await first;
    expect(fake.calls.map((call) => call.status)).toEqual([429, 200]);
  });

  it("200 creates refused with Retry-After: 1 come back spread over the second after it, never before (before: all within 100 ms)", async () => {
    const fake = createFakeHathora();
    const hathora = client(fake);
    const started = fake.clock.now();
    fake.failNext("CreateProcess", { status: 429, retryAfterSeconds: 1 }, 200);
    await Promise.all(Array.from({ length: 200 }, () => hathora.processesV3.createProcess({ region: "Tokyo" })));
    const retries = fake.calls.slice(200).map((call) => call.at - started);
    expect(retries).toHaveLength(200);
    expect(Math.min(...retries)).toBeGreaterThanOrEqual(1_000);
    expect(Math.max(...retries)).toBeLessThan(2_100);
    expect(mostWithin(retries, 100)).toBeLessThanOrEqual(40);
  });
});

describe("retries without Retry-After", () => {
  it("are spread by jitter: of 200 retries after a 503, no 100 ms window holds more than 80 (before: 166)", async () => {
    const fake = createFakeHathora();
    const hathora = client(fake, { retryBudget: false });
    const started = fake.clock.now();
    fake.failNext("GetLatestProcesses", { status: 503 }, 200);
    await Promise.all(Array.from({ length: 200 }, () => hathora.processesV3.getLatestProcesses()));
    const retries = fake.calls.slice(200).map((call) => call.at - started);
    expect(retries).toHaveLength(200);
    // 10 % to 100 % of the 500 ms base delay.
    expect(Math.min(...retries)).toBeGreaterThanOrEqual(50);
    expect(Math.max(...retries)).toBeLessThanOrEqual(500);
    expect(mostWithin(retries, 100)).toBeLessThanOrEqual(80);
  });
});
