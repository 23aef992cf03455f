// How many attempts each failure gets, and that a create is never sent twice when the first
// may have reached the server.
import { describe, expect, it } from "vitest";
import { ApiError, ConnectionError, RateLimitError, ServerError, ConnectionTimeoutError, type FetchLike } from "../../src/index.js";
import { json, refusedBaseUrl, useFaultServer } from "../helpers/fault-server.js";
import { arrivalClock } from "../helpers/arrival-clock.js";
import { faultClient, processV3, rejectionOf } from "../helpers/fixtures.js";

const server = useFaultServer();

const steady = (status: number) => server.route((_, res) => json(res, status, { message: `steady ${status}` }));

describe("idempotent operations are retried on transient failures", () => {
  it.each([408, 429, 500, 502, 503, 504])("a GET against a steady %s is tried 3 times (maxRetries 2)", async (status) => {
    const base = steady(status);
    const error = await rejectionOf(faultClient(base).processesV3.getProcess({ processId: "p" }), ApiError);
    expect(error.status).toBe(status);
    expect(error.attempts).toBe(3);
    expect(server.seen(base)).toHaveLength(3);
  });

  it("stop is idempotent on the server, so it is retried too", async () => {
    const base = steady(503);
    await expect(faultClient(base).processesV3.stopProcess({ processId: "p" })).rejects.toBeInstanceOf(ServerError);
    expect(server.seen(base)).toHaveLength(3);
  });

  it("a GET that fails once then succeeds returns the data", async () => {
    const base = server.route((_, res, hit) => (hit === 1 ? json(res, 503, { message: "busy" }) : json(res, 200, processV3)));
    await expect(faultClient(base).processesV3.getProcess({ processId: "p" })).resolves.toEqual(processV3);
    expect(server.seen(base)).toHaveLength(2);
  });

  it("a GET whose connection is reset is retried", async () => {
    const base = server.route((req) => req.socket.destroy());
    await expect(faultClient(base).processesV3.getProcess({ processId: "p" })).rejects.toBeInstanceOf(ConnectionError);
    expect(server.seen(base)).toHaveLength(3);
  });

  it("a GET that times out is retried, then raises ConnectionTimeoutError", async () => {
    const base = server.route(() => {});
    // Each attempt's 100 ms start once its request has arrived (see arrival-clock.ts); backoff of 1 ms.
    const clock = arrivalClock(100, () => server.seen(base).length);
    const options = { timeoutMs: 100, clock, retryBaseDelayMs: 1, retryMaxDelayMs: 1 };
    const error = await rejectionOf(faultClient(base, options).processesV3.getProcess({ processId: "p" }), ConnectionTimeoutError);
    expect(error).toBeInstanceOf(ConnectionTimeoutError);
    expect(error.attempts).toBe(3);
    expect(server.seen(base)).toHaveLength(3);
  });

  it("maxRetries per call overrides the client's, and 0 turns retries off", async () => {
    const base = steady(503);
    const client = faultClient(base, { maxRetries: 5 });
    await expect(client.processesV3.getProcess({ processId: "p", maxRetries: 0 })).rejects.toBeInstanceOf(ServerError);
    expect(server.seen(base)).toHaveLength(1);
    await expect(client.processesV3.getProcess({ processId: "p", maxRetries: 1 })).rejects.toBeInstanceOf(ServerError);
    expect(server.seen(base)).toHaveLength(3);
  });

  it("each attempt is a fresh request, with the token asked for again", async () => {
    const base = steady(500);
    let asked = 0;
    const client = faultClient(base, { token: () => `token-${++asked}` });
    await expect(client.processesV3.getProcess({ processId: "p" })).rejects.toBeInstanceOf(ServerError);
    expect(server.seen(base).map((request) => request.headers.authorization)).toEqual(["Bearer token-1", "Bearer token-2", "Bearer token-3"]);
  });
});

describe("never retried", () => {
  it.each([400, 401, 402, 403, 404, 422])("a GET answered %s is tried once", async (status) => {
    const base = steady(status);
    const error = await rejectionOf(faultClient(base).processesV3.getProcess({ processId: "p" }), ApiError);
    expect(error.status).toBe(status);
    expect(server.seen(base)).toHaveLength(1);
  });

  it("a 200 with a body that is not JSON is not retried", async () => {
    const base = server.route((_, res) => res.writeHead(200, { "content-type": "text/html" }).end("<html></html>"));
    await expect(faultClient(base).processesV3.getProcess({ processId: "p" })).rejects.toThrow(/expected a JSON body/);
    expect(server.seen(base)).toHaveLength(1);
  });
});

describe("createProcess is never sent twice when the first may have reached the server", () => {
  it.each([500, 502, 503, 504, 408])("a create answered %s is sent exactly once", async (status) => {
    const base = steady(status);
    const error = await rejectionOf(faultClient(base).processesV3.createProcess({ region: "Tokyo" }), ApiError);
    expect(error.status).toBe(status);
    expect(error.attempts).toBe(1);
    expect(server.seen(base)).toHaveLength(1);
  });

  it("a create whose connection is reset after sending is sent exactly once", async () => {
    const base = server.route((req) => req.socket.destroy());
    const error = await rejectionOf(faultClient(base).processesV3.createProcess({ region: "Tokyo" }), ConnectionError);
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error.mayHaveReachedServer).toBe(true);
    expect(server.seen(base)).toHaveLength(1);
  });

  it("a create that times out is sent exactly once", async () => {
    const base = server.route(() => {});
    // The 100 ms start once the create has arrived, so it times out on a request the server has
    // (on a loaded machine a bare 100 ms could expire before the request got there).
    const clock = arrivalClock(100, () => server.seen(base).length);
    await expect(faultClient(base, { timeoutMs: 100, clock }).processesV2.createProcess({ region: "Tokyo" })).rejects.toBeInstanceOf(ConnectionTimeoutError);
    // Had it been retried, the retry would have arrived before the call ended.
    expect(server.seen(base)).toHaveLength(1);
  });

  it("a create answered 429 is retried: the server did not act on it", async () => {
    const base = server.route((_, res, hit) => (hit === 1 ? json(res, 429, { message: "slow down" }, { "retry-after": "0" }) : json(res, 201, processV3)));
    await expect(faultClient(base).processesV3.createProcess({ region: "Tokyo" })).resolves.toEqual(processV3);
    expect(server.seen(base)).toHaveLength(2);
  });

  it("a create whose connection is refused is retried: it never arrived", async () => {
    const base = await refusedBaseUrl();
    let sent = 0;
    const counting: FetchLike = (request) => {
      sent++;
      return fetch(request);
    };
    const error = await rejectionOf(faultClient(base, { fetch: counting }).processesV3.createProcess({ region: "Tokyo" }), ConnectionError);
    expect(error.code).toBe("ECONNREFUSED");
    expect(error.attempts).toBe(3);
    expect(sent).toBe(3);
  });

  it("retryNonIdempotent opts in to retrying a create after a 500", async () => {
    const base = steady(500);
    await expect(faultClient(base).processesV3.createProcess({ region: "Tokyo", retryNonIdempotent: true })).rejects.toBeInstanceOf(ServerError);
    expect(server.seen(base)).toHaveLength(3);
  });
});

describe("Retry-After", () => {
  it("is honoured in seconds", async () => {
    const base = server.route((_, res, hit) => (hit === 1 ? json(res, 429, { message: "wait" }, { "retry-after": "1" }) : json(res, 200, processV3)));
    const started = Date.now();
    await expect(faultClient(base).processesV3.getProcess({ processId: "p" })).resolves.toEqual(processV3);
    const waited = Date.now() - started;
    expect(waited).toBeGreaterThanOrEqual(950);
    expect(waited).toBeLessThan(5000);
  });

  it("is honoured as an HTTP-date", async () => {
    const base = server.route((_, res, hit) => {
      if (hit > 1) return json(res, 200, processV3);
      // HTTP-dates have whole seconds; two seconds ahead is at least one second away.
      json(res, 503, { message: "maintenance" }, { "retry-after": new Date(Date.now() + 2000).toUTCString() });
    });
    const started = Date.now();
    await expect(faultClient(base).processesV3.getProcess({ processId: "p" })).resolves.toEqual(processV3);
    const waited = Date.now() - started;
    expect(waited).toBeGreaterThanOrEqual(950);
    expect(waited).toBeLessThan(5000);
  });

  it("longer than maxRetryAfterMs: no retry, and the error says how long to wait", async () => {
    const base = server.route((_, res) => json(res, 429, { message: "wait" }, { "retry-after": "3600" }));
    const started = Date.now();
    const error = await rejectionOf(faultClient(base, { maxRetryAfterMs: 10_000 }).processesV3.getProcess({ processId: "p" }), RateLimitError);
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error.retryAfterMs).toBe(3_600_000);
    expect(server.seen(base)).toHaveLength(1);
    expect(Date.now() - started).toBeLessThan(10_000); // not the hour it asked for
  });
});

describe("backoff without Retry-After", () => {
  it("waits between attempts, at least 10 % of the delay that doubles from the base", async () => {
    const base = steady(503);
    const times: number[] = [];
    const timing: FetchLike = (request) => {
      times.push(Date.now());
      return fetch(request);
    };
    const client = faultClient(base, { fetch: timing, retryBaseDelayMs: 200, retryMaxDelayMs: 1000 });
    await expect(client.processesV3.getProcess({ processId: "p" })).rejects.toBeInstanceOf(ServerError);
    const [first = 0, second = 0, third = 0] = times;
    // Jitter spreads each wait over 10 % to 100 % of it: 20..200 ms, then 40..400 ms.
    expect(second - first).toBeGreaterThanOrEqual(15);
    expect(third - second).toBeGreaterThanOrEqual(35);
    expect(third - first).toBeLessThan(10_000); // no runaway wait (generous for a loaded machine)
  });
});
