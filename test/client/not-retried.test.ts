// When no retry follows a failed attempt, the error, the attempt record and the info line say
// why, and what the caller can do: a create whose answer was lost may have started a billed
// process; a Retry-After over maxRetryAfterMs names both and the option to raise.
import { describe, expect, it } from "vitest";
import {
  ConnectionError,
  ConnectionTimeoutError,
  createHathoraClient,
  NotFoundError,
  RateLimitError,
  type AttemptEvent,
  type HathoraClientOptions,
} from "../../src/index.js";
import { createFakeHathora, type FakeHathora } from "../../src/testing/index.js";
import { recordingLogger } from "../helpers/recording-logger.js";

function observed(fake: FakeHathora, options: Partial<HathoraClientOptions> = {}) {
  const logger = recordingLogger();
  const events: AttemptEvent[] = [];
  const hathora = createHathoraClient({ ...fake.clientOptions, logger, logLevel: "info", onAttempt: (event) => events.push(event), ...options });
  return { hathora, events, lines: () => logger.lines.map((line) => line.text) };
}

describe("a create whose answer was lost", () => {
  it("says a billed process may exist and how to find it, and following that finds it", async () => {
    const fake = createFakeHathora();
    const { hathora, events, lines } = observed(fake);
    fake.failNext("CreateProcess", { network: "lost-response" });
    const error = await hathora.processesV3.createProcess({ region: "Tokyo" }).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(ConnectionError);
    const { message } = error as ConnectionError;
    expect(message).toMatch(/^Connection failed: POST \/processes\/v3\/apps\/app-fake\/processes\/regions\/Tokyo: .*ECONNRESET/);
    expect(message).toContain(`The create may have reached Hathora, so a billed process may exist: list the region's newest processes (processesV3.getLatestProcesses({ region: ["Tokyo"] }))`);
    expect(fake.calls).toHaveLength(1);
    const newest = await hathora.processesV3.getLatestProcesses({ region: ["Tokyo"] });
    expect(newest.map((process) => process.processId)).toEqual(fake.processes().map((process) => process.processId));
    expect(events[0]?.notRetried).toBe("may-have-reached-server");
    expect(lines()[0]).toMatch(/: ConnectionError in \d+ ms, attempt 1, not retried: the request may have reached the server, and CreateProcess is not safe to repeat$/);
    expect(lines()[0]).not.toContain("of 3");
  });

  it("a create that timed out says so too; on v2 it names processesV2", async () => {
    const fake = createFakeHathora();
    const { hathora } = observed(fake, { timeoutMs: 1_000 });
    fake.failNext("CreateProcess", { delayMs: 2_000 });
    const timedOut = await hathora.processesV3.createProcess({ region: "Tokyo" }).catch((thrown: unknown) => thrown);
    expect(timedOut).toBeInstanceOf(ConnectionTimeoutError);
    expect((timedOut as Error).message).toMatch(/timed out: .*a billed process may exist/);

    fake.failNext("CreateProcessV2Deprecated", { network: "lost-response" });
    const lost = await hathora.processesV2.createProcess({ region: "Tokyo" }).catch((thrown: unknown) => thrown);
    expect((lost as Error).message).toContain('(processesV2.getLatestProcesses({ region: ["Tokyo"] }))');
  });

  it("a refused connection (never sent) says nothing of the kind, nor does a lost GET", async () => {
    const fake = createFakeHathora();
    const { hathora } = observed(fake, { maxRetries: 0 });
    const failure = (promise: Promise<unknown>) => promise.then(() => new Error("no failure"), (error: Error) => error);
    fake.failNext("CreateProcess", { network: "refused" });
    const refused = await failure(hathora.processesV3.createProcess({ region: "Tokyo" }));
    expect(refused).toBeInstanceOf(ConnectionError);
    expect(refused.message).not.toContain("billed");
    fake.failNext("GetLatestProcesses", { network: "lost-response" });
    const lost = await failure(hathora.processesV3.getLatestProcesses());
    expect(lost).toBeInstanceOf(ConnectionError);
    expect(lost.message).not.toContain("billed");
  });
});

describe("the info line of an attempt that no retry follows", () => {
  it("a 404 says it is not retried, not 'attempt 1 of 3'", async () => {
    const fake = createFakeHathora();
    const { hathora, events, lines } = observed(fake);
    await expect(hathora.processesV3.getProcess({ processId: "missing" })).rejects.toBeInstanceOf(NotFoundError);
    expect(lines()).toEqual([expect.stringMatching(/GetProcess GET \S+: 404 NotFoundError in \d+ ms, attempt 1, not retried: a 404 answer is not retried, request id req-[0-9a-f-]{36}$/)]);
    expect(events[0]?.notRetried).toBe("not-retryable");
  });

  it("the last of the allowed attempts says 'attempt 3 of 3': that is true", async () => {
    const fake = createFakeHathora();
    const { hathora, events, lines } = observed(fake);
    fake.failNext("*", { status: 500 }, 3);
    await expect(hathora.processesV3.getLatestProcesses()).rejects.toThrow();
    expect(lines()[2]).toMatch(/: 500 ServerError in \d+ ms, attempt 3 of 3, request id req-[0-9a-f-]{36}$/);
    expect(events.map((event) => event.notRetried)).toEqual([undefined, undefined, "retries-exhausted"]);
  });

  it("an attempt cut short by the caller's signal says so", async () => {
    const fake = createFakeHathora();
    const { hathora, events, lines } = observed(fake);
    const controller = new AbortController();
    fake.failNext("*", { delayMs: 5_000 });
    fake.clock.setTimeout(() => controller.abort(new Error("shutting down")), 1_000);
    await expect(hathora.processesV3.getLatestProcesses({ signal: controller.signal })).rejects.toThrow("shutting down");
    expect(events[0]?.notRetried).toBe("aborted");
    expect(lines()[0]).toMatch(/attempt 1, not retried: the caller's signal aborted$/);
  });
});

describe("a Retry-After longer than maxRetryAfterMs", () => {
  it("throws at once, and the message names the Retry-After, the limit and the option to raise", async () => {
    const fake = createFakeHathora();
    const { hathora, events, lines } = observed(fake);
    fake.failNext("*", { status: 429, retryAfterSeconds: 120 });
    const started = fake.clock.now();
    const error = await hathora.processesV3.getLatestProcesses().catch((thrown: unknown) => thrown);
    expect(fake.clock.now()).toBe(started);
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).retryAfterMs).toBe(120_000);
    expect((error as Error).message).toContain(
      "Not retried: the server's Retry-After (120 s) is longer than maxRetryAfterMs (60000 ms); raise createHathoraClient({ maxRetryAfterMs }) to wait that long, or retry after error.retryAfterMs yourself.",
    );
    expect(events[0]?.notRetried).toBe("retry-after-too-long");
    expect(lines()[0]).toMatch(/: 429 RateLimitError in \d+ ms, attempt 1, not retried: the server's Retry-After is longer than maxRetryAfterMs, request id req-[0-9a-f-]{36}$/);
    // The client does not hold its other calls for a wait it would not make itself.
    await hathora.processesV3.getLatestProcesses();
    expect(fake.clock.now()).toBe(started);
  });

  it("is waited for when the limit is raised", async () => {
    const fake = createFakeHathora();
    const { hathora } = observed(fake, { maxRetryAfterMs: 120_000 });
    fake.failNext("*", { status: 429, retryAfterSeconds: 120 });
    const started = fake.clock.now();
    await hathora.processesV3.getLatestProcesses();
    expect(fake.calls.map((call) => [call.status, call.at - started])).toEqual([
      [429, 0],
      [200, 120_000],
    ]);
  });
});
