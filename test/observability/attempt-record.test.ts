// The one record of each attempt: what onAttempt receives and what .withResponse() gives back,
// against a real local server that fails as told.
import { describe, expect, it } from "vitest";
import { createHathoraClient, RateLimitError, ServerError, type AttemptEvent, type Clock } from "../../src/index.js";
import { json, useFaultServer } from "../helpers/fault-server.js";
import { faultClient, processV3, rejectionOf } from "../helpers/fixtures.js";

const server = useFaultServer();
const SENTINEL = "tok-record-9f2c6e1d";

/** 503 on the first request, then the process with a request id. */
const flaky = () =>
  server.route((_, res, hit) => (hit === 1 ? json(res, 503, { message: "busy" }, { "x-request-id": "req-1" }) : json(res, 200, processV3, { "x-request-id": "req-2" })));

describe(".withResponse()", () => {
  it("gives the data, the last response, its request id and the attempt count", async () => {
    const outcome = await faultClient(flaky()).processesV3.getProcess({ processId: "p" }).withResponse();
    expect(outcome.data).toEqual(processV3);
    expect(outcome.response.status).toBe(200);
    expect(outcome.response.bodyUsed).toBe(true);
    expect(outcome.requestId).toBe("req-2");
    expect(outcome.attempts).toBe(2);
  });

  it("leaves a plain await as it was: the parsed body", async () => {
    await expect(faultClient(flaky()).processesV3.getProcess({ processId: "p" })).resolves.toEqual(processV3);
  });

  it("gives undefined data and the 204 response for stop", async () => {
    const base = server.route((_, res) => res.writeHead(204).end());
    const outcome = await faultClient(base).processesV3.stopProcess({ processId: "p" }).withResponse();
    expect(outcome).toMatchObject({ data: undefined, attempts: 1, requestId: undefined });
    expect(outcome.response.status).toBe(204);
  });

  it("rejects with the call's error, and a call used only through it leaves no unhandled rejection", async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on("unhandledRejection", onUnhandled);
    try {
      const base = server.route((_, res) => json(res, 429, { message: "slow down" }, { "retry-after": "0" }));
      await rejectionOf(faultClient(base, { maxRetries: 0 }).processesV3.getProcess({ processId: "p" }).withResponse(), RateLimitError);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(unhandled).toEqual([]);
    } finally {
      process.off("unhandledRejection", onUnhandled);
    }
  });

  it("is a real Promise: then, catch and finally work and instanceof holds", async () => {
    const call = faultClient(flaky()).processesV3.getProcess({ processId: "p" });
    expect(call).toBeInstanceOf(Promise);
    let finished = false;
    const status = await call.then((process) => process.status).finally(() => (finished = true));
    expect(status).toBe(processV3.status);
    expect(finished).toBe(true);
  });
});

describe("onAttempt", () => {
  it("receives one record per attempt, with the retry decision on the failed one", async () => {
    const events: AttemptEvent[] = [];
    const base = flaky();
    await faultClient(base, { token: SENTINEL, onAttempt: (event) => events.push(event) }).processesV3.getProcess({ processId: "p-1" });
    expect(events).toHaveLength(2);
    const [first, second] = events;
    expect(first).toMatchObject({
      operationId: "GetProcess",
      method: "GET",
      route: "/processes/v3/apps/{appId}/processes/{processId}",
      url: `${base}/processes/v3/apps/app-1/processes/p-1`,
      serverAddress: "127.0.0.1",
      attempt: 1,
      maxAttempts: 3,
      status: 503,
      errorType: "ServerError",
      requestId: "req-1",
    });
    expect(first?.error).toBeInstanceOf(ServerError);
    expect(first?.retryInMs).toBeGreaterThan(0);
    expect(second).toMatchObject({ attempt: 2, status: 200, requestId: "req-2" });
    expect(second?.error).toBeUndefined();
    expect(second?.retryInMs).toBeUndefined();
    for (const event of events) {
      expect(event.durationMs).toBeGreaterThanOrEqual(0);
      expect(JSON.stringify({ ...event, error: String(event.error) })).not.toContain(SENTINEL);
    }
  });

  it("marks the last failed attempt with no retryInMs", async () => {
    const events: AttemptEvent[] = [];
    const base = server.route((_, res) => json(res, 404, { message: "Process not found" }));
    await rejectionOf(faultClient(base, { onAttempt: (event) => events.push(event) }).processesV3.getProcess({ processId: "p" }));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ status: 404, errorType: "NotFoundError" });
    expect(events[0]).not.toHaveProperty("retryInMs");
  });

  it("never changes the outcome when it throws", async () => {
    const warnings: unknown[][] = [];
    const originalWarn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args);
    try {
      const client = faultClient(flaky(), {
        onAttempt: () => {
          throw new Error("observer bug");
        },
      });
      await expect(client.processesV3.getProcess({ processId: "p" })).resolves.toEqual(processV3);
    } finally {
      console.warn = originalWarn;
    }
    expect(warnings.length).toBeGreaterThan(0);
  });
});

describe("the clock option", () => {
  /**
   * A clock that runs every timer shorter than 100 s at once (on the next macrotask), advancing
   * its virtual time, and never runs longer ones (here: the attempt's 120 s time limit).
   */
  function skippingClock(): Clock & { delays: number[] } {
    let now = 0;
    const delays: number[] = [];
    return {
      delays,
      now: () => now,
      setTimeout(callback, ms) {
        delays.push(ms);
        if (ms >= 100_000) return undefined;
        return setImmediate(() => {
          now += ms;
          callback();
        });
      },
      clearTimeout: (handle) => clearImmediate(handle as NodeJS.Immediate),
    };
  }

  it("runs backoff on the given clock: a 60 s Retry-After takes no wall time", async () => {
    const clock = skippingClock();
    const base = server.route((_, res, hit) => (hit === 1 ? json(res, 429, { message: "later" }, { "retry-after": "60" }) : json(res, 200, processV3)));
    const started = performance.now();
    const client = createHathoraClient({ token: "t", appId: "a", baseUrl: base, clock, timeoutMs: 120_000 });
    await expect(client.processesV3.getProcess({ processId: "p" })).resolves.toEqual(processV3);
    expect(clock.delays).toContain(60_000);
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it("rejects a clock without the three functions before any request", () => {
    expect(() => createHathoraClient({ token: "t", clock: { now: () => 0 } as unknown as Clock })).toThrow(/clock must be an object with the functions now, setTimeout, clearTimeout/);
  });
});
