// The client's retry budget, against the fake on its virtual clock: an outage costs the server
// a bounded number of retries, the budget refills as calls succeed, and a refused retry says so
// in the error, the attempt record and the log.
import { describe, expect, it } from "vitest";
import { ConfigError, ConnectionError, createHathoraClient, ServerError, type AttemptEvent, type HathoraClientOptions } from "../../src/index.js";
import { createFakeHathora, type FakeHathora } from "../../src/testing/index.js";
import { recordingLogger } from "../helpers/recording-logger.js";

/** Every request answers 503 until `fake.reset()`. */
const outage = (fake: FakeHathora) => fake.failNext("*", { status: 503 }, 1_000_000);
const client = (fake: FakeHathora, options: Partial<HathoraClientOptions> = {}) => createHathoraClient({ ...fake.clientOptions, logLevel: "off", ...options });
const latest = (hathora: ReturnType<typeof createHathoraClient>, times: number) => Promise.allSettled(Array.from({ length: times }, () => hathora.processesV3.getLatestProcesses()));

describe("in an outage", () => {
  it("300 concurrent calls send at most 420 requests (each call retrying on its own sent 900), and all fail", async () => {
    const fake = createFakeHathora();
    outage(fake);
    const results = await latest(client(fake), 300);
    expect(results.every((result) => result.status === "rejected" && result.reason instanceof ServerError)).toBe(true);
    expect(fake.calls.length).toBeGreaterThanOrEqual(300);
    expect(fake.calls.length).toBeLessThanOrEqual(420);
  });

  it("retryBudget: false turns it off: every call retries twice, 900 requests", async () => {
    const fake = createFakeHathora();
    outage(fake);
    await latest(client(fake, { retryBudget: false }), 300);
    expect(fake.calls).toHaveLength(900);
  });

  it("a refused retry is thrown at once: the message says the retry budget is spent, the record and the info line too", async () => {
    const fake = createFakeHathora();
    const logger = recordingLogger();
    const events: AttemptEvent[] = [];
    const hathora = client(fake, { retryBudget: { capacity: 5 }, logger, logLevel: "info", onAttempt: (event) => events.push(event) });
    outage(fake);
    const started = fake.clock.now();
    const [first, second] = await latest(hathora, 2);
    expect(first?.status).toBe("rejected");
    const error = (second as PromiseRejectedResult).reason as ServerError;
    expect(error).toBeInstanceOf(ServerError);
    expect(error.message).toMatch(/503 Service Unavailable: .*\. Not retried: the client's retry budget is spent .* createHathoraClient\(\{ retryBudget \}\)/);
    expect(error.stack).toContain("retry budget is spent");
    expect(error.attempts).toBe(1);
    // The first call's failure took the 5 tokens for its retry; the second call's failure and
    // that retry's failure were refused.
    expect(fake.calls).toHaveLength(3);
    const refused = events.find((event) => event.notRetried === "retry-budget-spent");
    expect(refused).toMatchObject({ attempt: 1, status: 503, errorType: "ServerError" });
    expect(refused).not.toHaveProperty("retryInMs");
    expect(logger.lines.map((line) => line.text)).toContainEqual(expect.stringMatching(/: 503 ServerError in \d+ ms, attempt 1, not retried: the client's retry budget is spent, request id req-[0-9a-f-]{36}$/));
    // Thrown at once: no backoff wait before it.
    expect(fake.calls.filter((call) => call.at === started)).toHaveLength(2);
  });
});

describe("after the outage", () => {
  it("the budget is spent at first; 200 successful calls later, a single 503 is retried again", async () => {
    const fake = createFakeHathora();
    const hathora = client(fake);
    outage(fake);
    await latest(hathora, 300);
    fake.reset(); // the outage ends

    fake.failNext("*", { status: 503 });
    await expect(hathora.processesV3.getLatestProcesses()).rejects.toThrow(/retry budget is spent/);
    expect(fake.calls.map((call) => call.status)).toEqual([503]);

    for (let call = 0; call < 200; call++) await hathora.processesV3.getLatestProcesses();
    fake.reset();
    fake.failNext("*", { status: 503 });
    await hathora.processesV3.getLatestProcesses();
    expect(fake.calls.map((call) => call.status)).toEqual([503, 200]);
  });
});

describe("what a retry costs", () => {
  it("a retry after a connection failure costs timeoutCost, other retries retryCost", async () => {
    const fake = createFakeHathora();
    // 20 tokens: two retries after a refused connection (10 each), or four after a 503 (5 each).
    const hathora = client(fake, { retryBudget: { capacity: 20, retryCost: 5, timeoutCost: 10 }, maxRetries: 10 });
    fake.failNext("*", { network: "refused" }, 3);
    const refused = await hathora.processesV3.getLatestProcesses().catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ConnectionError);
    expect(fake.calls).toHaveLength(3);

    const other = createFakeHathora();
    const second = client(other, { retryBudget: { capacity: 20, retryCost: 5, timeoutCost: 10 }, maxRetries: 10 });
    other.failNext("*", { status: 503 }, 5);
    await expect(second.processesV3.getLatestProcesses()).rejects.toBeInstanceOf(ServerError);
    expect(other.calls).toHaveLength(5);
  });

  it("a 429 is flow control: its retries cost nothing, so a burst of refusals does not spend the budget", async () => {
    const fake = createFakeHathora();
    const hathora = client(fake, { retryBudget: { capacity: 5, retryCost: 5 } });
    fake.failNext("*", { status: 429, retryAfterSeconds: 1 }, 20);
    const results = await latest(hathora, 20);
    expect(results.every((result) => result.status === "fulfilled")).toBe(true);
    // The budget is whole: a 503 now is retried.
    fake.failNext("*", { status: 503 });
    const calls = fake.calls.length;
    await hathora.processesV3.getLatestProcesses();
    expect(fake.calls.slice(calls).map((call) => call.status)).toEqual([503, 200]);
  });
});

describe("retryBudget option", () => {
  it.each([
    [{ capacity: 0 }, /retryBudget\.capacity must be a whole number, 1 or more, got number 0/],
    [{ retryCost: -1 }, /retryBudget\.retryCost must be a whole number, 0 or more/],
    [{ timeoutCost: 1.5 }, /retryBudget\.timeoutCost must be a whole number/],
    [{ capacity: 4, retryCost: 5 }, /retryCost \(5\) or timeoutCost \(10\) must not exceed capacity \(4\)/],
    [{ capacty: 500 }, /retryBudget: unknown option "capacty"; known options: capacity, retryCost, timeoutCost/],
    [true, /retryBudget must be an object \(\{ capacity, retryCost, timeoutCost \}\) or false, got boolean true/],
  ])("%j is a ConfigError", (retryBudget, message) => {
    expect(() => createHathoraClient({ token: "t", retryBudget: retryBudget as never })).toThrow(ConfigError);
    expect(() => createHathoraClient({ token: "t", retryBudget: retryBudget as never })).toThrow(message);
  });

  it("takes its defaults for the fields left out", async () => {
    const fake = createFakeHathora();
    // capacity 10 with the default retryCost 5: two 503 retries, then the budget is spent.
    const hathora = client(fake, { retryBudget: { capacity: 10 } });
    outage(fake);
    await latest(hathora, 5);
    expect(fake.calls).toHaveLength(7);
  });
});
