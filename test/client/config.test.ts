// Bad options and bad arguments: a ConfigError before any request, and nothing left unhandled.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ConfigError, createHathoraClient, HathoraError, type HathoraClientOptions } from "../../src/index.js";
import type { FetchLike } from "../../src/index.js";
import { rejectionOf } from "../helpers/fixtures.js";

// A fetch that counts; these tests must never reach it.
function countingFetch(): { fetch: FetchLike; count: () => number } {
  let calls = 0;
  return {
    fetch: async () => {
      calls++;
      return new Response("{}", { headers: { "content-type": "application/json" } });
    },
    count: () => calls,
  };
}

let unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
beforeEach(() => {
  unhandled = [];
  process.on("unhandledRejection", onUnhandled);
});
afterEach(() => {
  process.off("unhandledRejection", onUnhandled);
});
// Unhandled rejections are reported a macrotask or two after the promise settles.
const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

describe("missing appId", () => {
  it("rejects once with ConfigError, sends nothing and leaves no unhandled rejection", async () => {
    const counter = countingFetch();
    const client = createHathoraClient({ token: "t", fetch: counter.fetch });
    const call = client.processesV3.getProcess({ processId: "p-1" });
    await expect(call).rejects.toBeInstanceOf(ConfigError);
    await expect(call).rejects.toThrow(/appId is required.*createHathoraClient\(\{ appId \}\)/);
    await settle();
    expect(counter.count()).toBe(0);
    expect(unhandled).toEqual([]);
  });

  it("applies to every operation of both versions", async () => {
    const counter = countingFetch();
    const { processesV2: v2, processesV3: v3 } = createHathoraClient({ token: "t", fetch: counter.fetch });
    const calls = [
      v2.getProcessInfo({ processId: "p" }),
      v2.getLatestProcesses(),
      v2.getProcessesCountExperimental(),
      v2.createProcess({ region: "Tokyo" }),
      v2.stopProcess({ processId: "p" }),
      v3.getProcess({ processId: "p" }),
      v3.getLatestProcesses(),
      v3.getProcessesCountExperimental(),
      v3.createProcess({ region: "Tokyo" }),
      v3.stopProcess({ processId: "p" }),
      v3.getProcessMetrics({ processId: "p" }),
    ];
    const results = await Promise.allSettled(calls);
    expect(results.map((result) => result.status === "rejected" && result.reason instanceof ConfigError)).toEqual(calls.map(() => true));
    expect(counter.count()).toBe(0);
  });

  it("an empty appId is not an appId", async () => {
    const counter = countingFetch();
    const client = createHathoraClient({ token: "t", appId: "app-1", fetch: counter.fetch });
    await expect(client.processesV3.getProcess({ processId: "p", appId: "" })).rejects.toThrow(/appId must be a non-empty string/);
    expect(() => createHathoraClient({ token: "t", appId: "" })).toThrow(ConfigError);
    expect(counter.count()).toBe(0);
  });
});

describe("missing or bad token", () => {
  it("is a ConfigError at creation", () => {
    expect(() => createHathoraClient({} as HathoraClientOptions)).toThrow(/token is required/);
    expect(() => createHathoraClient({ token: "" })).toThrow(ConfigError);
    expect(() => createHathoraClient({ token: "   " })).toThrow(/blank/);
    expect(() => createHathoraClient({ token: 42 } as unknown as HathoraClientOptions)).toThrow(/string or a function/);
    expect(() => createHathoraClient(undefined as unknown as HathoraClientOptions)).toThrow(ConfigError);
  });

  it("a token function that fails or returns nothing rejects the call with ConfigError and sends nothing", async () => {
    const counter = countingFetch();
    const failing = createHathoraClient({ token: () => Promise.reject(new Error("vault down")), appId: "a", fetch: counter.fetch });
    const error = await rejectionOf(failing.processesV3.getProcess({ processId: "p" }), ConfigError);
    expect(error.cause).toEqual(new Error("vault down"));
    const empty = createHathoraClient({ token: () => "", appId: "a", fetch: counter.fetch });
    await expect(empty.processesV3.getProcess({ processId: "p" })).rejects.toThrow(/returned no token/);
    expect(counter.count()).toBe(0);
  });
});

describe("bad client options", () => {
  const cases: Array<[string, Partial<Record<keyof HathoraClientOptions, unknown>>, RegExp]> = [
    ["a relative baseUrl", { baseUrl: "/api" }, /baseUrl must be an absolute http\(s\) URL/],
    ["a non-http baseUrl", { baseUrl: "ftp://example.com" }, /baseUrl/],
    ["negative maxRetries", { maxRetries: -1 }, /maxRetries must be a whole number, 0 or more/],
    ["fractional maxRetries", { maxRetries: 1.5 }, /maxRetries/],
    ["zero timeoutMs", { timeoutMs: 0 }, /timeoutMs must be a whole number of milliseconds/],
    ["a timeoutMs a timer cannot hold", { timeoutMs: 2 ** 31 }, /timeoutMs/],
    ["a string retryNonIdempotent", { retryNonIdempotent: "yes" }, /retryNonIdempotent must be a boolean/],
    ["headers that are not an object", { headers: "x" }, /headers must be an object/],
    ["a header value with a line break", { headers: { "X-Team": "a\nb" } }, /createHathoraClient: headers: [\s\S]*invalid header value/],
    ["an empty userAgent", { userAgent: "" }, /userAgent must be a non-empty string/],
  ];
  it.each(cases)("%s is a ConfigError", (_, options, message) => {
    expect(() => createHathoraClient({ token: "t", ...options } as HathoraClientOptions)).toThrow(message);
  });
});

describe("bad call arguments are ConfigErrors, before any request", () => {
  const counter = countingFetch();
  const { processesV3: v3 } = createHathoraClient({ token: "t", appId: "app-1", fetch: counter.fetch });
  const cases: Array<[string, () => Promise<unknown>, RegExp]> = [
    ["a missing processId", () => v3.getProcess({} as never), /GetProcess: processId is required/],
    ["an empty processId", () => v3.getProcess({ processId: "" }), /processId must be a non-empty string/],
    ["a '..' processId, which URL parsing would resolve away", () => v3.getProcess({ processId: ".." }), /other than "\." and "\.\."/],
    ["a processId that is not a string", () => v3.getProcess({ processId: 7 as never }), /processId must be a string, got number 7/],
    ["an empty region", () => v3.createProcess({ region: "" }), /region must be a non-empty string/],
    ["a region that is not a string", () => v3.createProcess({ region: 3 as never }), /region must be a string, got number 3/],
    ["a status that is not an array", () => v3.getLatestProcesses({ status: "running" as never }), /status must be an array/],
    ["a status item that is not a string", () => v3.getLatestProcesses({ status: [null as never] }), /status item must be a string, got null/],
    ["a misspelt option", () => v3.getLatestProcesses({ regions: ["Tokyo"] } as never), /unknown option "regions"; known options: status, region, before/],
    ["a non-finite before", () => v3.getLatestProcesses({ before: Number.NaN }), /before must be a finite number/],
    ["a fractional step", () => v3.getProcessMetrics({ processId: "p", step: 1.5 }), /step must be an integer/],
    ["a zero step", () => v3.getProcessMetrics({ processId: "p", step: 0 }), /step must be at least 1/],
    ["a fractional start", () => v3.getProcessMetrics({ processId: "p", start: 1732320000.5 }), /start must be an integer/],
    ["a signal that is not an AbortSignal", () => v3.getProcess({ processId: "p", signal: {} as never }), /signal must be an AbortSignal/],
    ["negative maxRetries on a call", () => v3.getProcess({ processId: "p", maxRetries: -2 }), /maxRetries/],
    ["a string instead of an options object", () => v3.getProcess("p-1" as never), /expected an options object, got "p-1"/],
    ["a processId no URL can carry (a lone surrogate)", () => v3.getProcess({ processId: "p-\uD800" }), /GetProcess: the request could not be built: URIError/],
    ["a call header value with a line break", () => v3.getProcess({ processId: "p", headers: { "X-Team": "a\nb" } }), /GetProcess: the request could not be built: [\s\S]*invalid header value/],
    ["a misspelt wait option", () => v3.waitForProcess({ processId: "p", timeoutMS: 5 } as never), /waitForProcess: unknown option "timeoutMS"; known options: processId, until, waitTimeoutMs/],
    ["start in milliseconds (Date.now())", () => v3.getProcessMetrics({ processId: "p", start: 1_732_320_000_000 }), /start is a Unix timestamp in seconds, but 1732320000000 looks like milliseconds.*Math\.floor\(ms \/ 1000\)/],
    ["end in milliseconds", () => v3.getProcessMetrics({ processId: "p", end: 1_732_320_000_000 }), /end is a Unix timestamp in seconds.*looks like milliseconds/],
    ["before in milliseconds", () => v3.getLatestProcesses({ before: 1_732_320_000_000 }), /before is a Unix timestamp in seconds.*looks like milliseconds/],
    ["an Authorization call header", () => v3.getProcess({ processId: "p", headers: { Authorization: "Bearer other" } }), /headers must not contain Authorization.*createHathoraClient\(\{ token \}\)/],
  ];
  it.each(cases)("%s", async (_, call, message) => {
    const error = await rejectionOf(call(), ConfigError);
    expect(error).toBeInstanceOf(HathoraError);
    expect(error.message).toMatch(message);
    expect(counter.count()).toBe(0);
  });
});

describe("new-user edges of the client options", () => {
  it("a misspelt client option is rejected like a misspelt call option", () => {
    expect(() => createHathoraClient({ token: "t", timeoutMss: 5 } as never)).toThrow(ConfigError);
    expect(() => createHathoraClient({ token: "t", timeoutMss: 5 } as never)).toThrow(/createHathoraClient: unknown option "timeoutMss"; known options: token, appId, .*timeoutMs/);
  });

  it("every documented client option is known", () => {
    const clock = { now: () => 0, setTimeout: () => 0, clearTimeout: () => undefined };
    const all: Required<HathoraClientOptions> = {
      token: "t", appId: "a", baseUrl: "http://localhost", fetch: async () => new Response(), headers: {}, userAgent: "u", logger: console, logLevel: "off",
      onAttempt: () => undefined, clock, maxRetries: 0, timeoutMs: 1, retryBaseDelayMs: 1, retryMaxDelayMs: 1, maxRetryAfterMs: 1, retryNonIdempotent: false,
      retryBudget: { capacity: 10, retryCost: 1, timeoutCost: 2 }, maxConcurrency: 4, rateLimiter: { acquire: () => undefined },
    };
    expect(createHathoraClient(all).processesV3).toBeDefined();
  });

  it.each([" token", "token ", "token\n"])("a token with whitespace around it (%j) is a ConfigError saying to trim it", (token) => {
    expect(() => createHathoraClient({ token })).toThrow(/whitespace around it.*token\.trim\(\)/);
  });

  it("a token function returning whitespace around the token rejects the call, before sending", async () => {
    const counter = countingFetch();
    const client = createHathoraClient({ token: () => "abc ", appId: "a", fetch: counter.fetch });
    await expect(client.processesV3.getProcess({ processId: "p" })).rejects.toThrow(/whitespace around it/);
    expect(counter.count()).toBe(0);
  });

  it.each(["Authorization", "authorization", "AUTHORIZATION"])("an %s header in the client's headers is a ConfigError saying to pass the token", (name) => {
    expect(() => createHathoraClient({ token: "t", headers: { [name]: "Bearer x" } })).toThrow(/headers must not contain Authorization.*createHathoraClient\(\{ token \}\)/);
  });

  it("start, end and before in whole seconds pass", async () => {
    const counter = countingFetch();
    const { processesV3: v3 } = createHathoraClient({ token: "t", appId: "a", fetch: counter.fetch });
    await v3.getProcessMetrics({ processId: "p", start: 1_732_320_000, end: 1_732_323_600 }).catch(() => undefined);
    await v3.getLatestProcesses({ before: 1_732_320_000 }).catch(() => undefined);
    expect(counter.count()).toBe(2);
  });
});
