// The retry rules and the Retry-After parser, as plain functions.
import { describe, expect, it } from "vitest";
import { ConnectionError, ConnectionTimeoutError, ResponseError } from "../../src/index.js";
import { createApiError } from "../../src/wrappers/errors/api-error.js";
import { resolveClientOptions } from "../../src/wrappers/options/client-options.js";
import { parseRetryAfter } from "../../src/wrappers/request/retry-after.js";
import { backoffMs, retryDelayMs } from "../../src/wrappers/request/retry-policy.js";

const { settings } = resolveClientOptions({ token: "t" }); // the defaults
const request = { operationId: "o", method: "GET", url: "http://h/", attempts: 1 };
const apiError = (status: number, retryAfterMs?: number) =>
  createApiError({ ...request, status, statusText: "", body: undefined, headers: {}, retryAfterMs });
const connection = (mayHaveReachedServer: boolean) =>
  new ConnectionError({ ...request, code: "E", mayHaveReachedServer, cause: new Error("c") });
const timeout = new ConnectionTimeoutError({ ...request, timeoutMs: 1 });
// The jitter's top: the whole exponential delay.
const noJitter = () => 1;

describe("retryDelayMs", () => {
  it("retries transient failures of idempotent operations with growing delays", () => {
    expect(retryDelayMs(apiError(503), 1, true, settings, noJitter)).toBe(500);
    expect(retryDelayMs(apiError(503), 2, true, settings, noJitter)).toBe(1000);
    expect(retryDelayMs(apiError(503), 3, true, settings, noJitter)).toBeUndefined();
    expect(retryDelayMs(timeout, 1, true, settings, noJitter)).toBe(500);
    expect(retryDelayMs(connection(true), 1, true, settings, noJitter)).toBe(500);
  });

  it("retries a non-idempotent operation only when the server cannot have acted", () => {
    expect(retryDelayMs(apiError(500), 1, false, settings)).toBeUndefined();
    expect(retryDelayMs(apiError(408), 1, false, settings)).toBeUndefined();
    expect(retryDelayMs(timeout, 1, false, settings)).toBeUndefined();
    expect(retryDelayMs(connection(true), 1, false, settings)).toBeUndefined();
    expect(retryDelayMs(apiError(429), 1, false, settings, noJitter)).toBe(500);
    expect(retryDelayMs(connection(false), 1, false, settings, noJitter)).toBe(500);
    expect(retryDelayMs(apiError(500), 1, false, { ...settings, retryNonIdempotent: true }, noJitter)).toBe(500);
  });

  it("never retries client errors or bad success bodies", () => {
    for (const status of [400, 401, 402, 403, 404, 409, 422]) expect(retryDelayMs(apiError(status), 1, true, settings)).toBeUndefined();
    const bad = new ResponseError({ ...request, problem: "x", status: 200, headers: {}, body: "" });
    expect(retryDelayMs(bad, 1, true, settings)).toBeUndefined();
    expect(retryDelayMs(new Error("other"), 1, true, settings)).toBeUndefined();
  });

  it("uses Retry-After as given, and gives up when it is longer than maxRetryAfterMs", () => {
    expect(retryDelayMs(apiError(429, 2500), 1, true, settings)).toBe(2500);
    expect(retryDelayMs(apiError(503, 0), 1, true, settings)).toBe(0);
    expect(retryDelayMs(apiError(429, 60_001), 1, true, settings)).toBeUndefined();
  });
});

describe("backoffMs", () => {
  it("doubles from the base, stops at the cap, and jitters over 10 % to 100 % of the delay", () => {
    expect([1, 2, 3, 4, 5, 6].map((attempt) => backoffMs(attempt, settings, noJitter))).toEqual([500, 1000, 2000, 4000, 8000, 8000]);
    expect(backoffMs(1, settings, () => 0)).toBe(50);
    expect(backoffMs(5, settings, () => 0.5)).toBe(4400);
  });
});

describe("parseRetryAfter", () => {
  const now = Date.parse("Wed, 21 Oct 2026 07:28:00 GMT");
  it("reads delay-seconds", () => {
    expect(parseRetryAfter("120", now)).toBe(120_000);
    expect(parseRetryAfter(" 0 ", now)).toBe(0);
    expect(parseRetryAfter("1.5", now)).toBe(1500);
  });
  it("reads HTTP-dates, in the future or the past", () => {
    expect(parseRetryAfter("Wed, 21 Oct 2026 07:28:30 GMT", now)).toBe(30_000);
    expect(parseRetryAfter("Wed, 21 Oct 2026 07:27:00 GMT", now)).toBe(0);
  });
  it("ignores what it cannot read", () => {
    for (const value of [null, "", "-5", "soon", "2026-10-21T07:28:30Z", "1e3"]) expect(parseRetryAfter(value, now)).toBeUndefined();
  });
});
