// The rateLimiter option: a limit shared beyond one client is asked before every attempt and
// told about every 429 (test/redis/ runs the Redis adapter against a real redis-server).
import { build } from "esbuild";
import { describe, expect, it } from "vitest";
import { ConfigError, createHathoraClient, type RateLimitedEvent, type RateLimiter, type RateLimiterRequest } from "../../src/index.js";
import { createRedisRateLimiter } from "../../src/redis/index.js";
import { createFakeHathora } from "../../src/testing/index.js";

describe("rateLimiter", () => {
  it("is asked before every attempt, retries included, and told of each 429 with its Retry-After", async () => {
    const fake = createFakeHathora();
    const asked: RateLimiterRequest[] = [];
    const told: RateLimitedEvent[] = [];
    const rateLimiter: RateLimiter = { acquire: (request) => void asked.push(request), rateLimited: (event) => void told.push(event) };
    const hathora = createHathoraClient({ ...fake.clientOptions, logLevel: "off", rateLimiter });
    fake.failNext("*", { status: 429, retryAfterSeconds: 1 });
    fake.failNext("*", { status: 503 });
    const { signal } = new AbortController();
    await hathora.processesV3.getLatestProcesses({ signal });
    expect(asked).toEqual([
      { operationId: "GetLatestProcesses", signal },
      { operationId: "GetLatestProcesses", signal },
      { operationId: "GetLatestProcesses", signal },
    ]);
    expect(told).toEqual([{ operationId: "GetLatestProcesses", retryAfterMs: 1_000 }]);
    expect(fake.calls.map((call) => call.status)).toEqual([429, 503, 200]);
  });

  it("holds the attempt until acquire resolves; the attempt's time limit starts after it", async () => {
    const fake = createFakeHathora();
    const rateLimiter: RateLimiter = { acquire: () => new Promise((resolve) => fake.clock.setTimeout(resolve, 5_000)) };
    const hathora = createHathoraClient({ ...fake.clientOptions, logLevel: "off", timeoutMs: 1_000, rateLimiter });
    const started = fake.clock.now();
    await hathora.processesV3.getLatestProcesses();
    expect(fake.calls.map((call) => call.at - started)).toEqual([5_000]);
  });

  it("a rejected acquire fails the call with its error, unsent; a throwing rateLimited changes nothing", async () => {
    const fake = createFakeHathora();
    const refusing = createHathoraClient({ ...fake.clientOptions, logLevel: "off", rateLimiter: { acquire: () => Promise.reject(new Error("limiter down")) } });
    await expect(refusing.processesV3.getLatestProcesses()).rejects.toThrow("limiter down");
    expect(fake.calls).toHaveLength(0);

    const throwing = createHathoraClient({
      ...fake.clientOptions,
      logLevel: "off",
      rateLimiter: {
        acquire: () => undefined,
        rateLimited: () => {
          throw new Error("oops");
        },
      },
    });
    fake.failNext("*", { status: 429 });
    await throwing.processesV3.getLatestProcesses();
    expect(fake.calls.map((call) => call.status)).toEqual([429, 200]);
  });

  it.each([
    [{}, /rateLimiter must be an object with an acquire\(request\) function/],
    [{ acquire: () => undefined, rateLimited: 1 }, /rateLimiter rateLimited must be a function when given/],
    [() => undefined, /rateLimiter must be an object/],
  ])("%j is a ConfigError", (rateLimiter, message) => {
    expect(() => createHathoraClient({ token: "t", rateLimiter: rateLimiter as never })).toThrow(ConfigError);
    expect(() => createHathoraClient({ token: "t", rateLimiter: rateLimiter as never })).toThrow(message);
  });
});

describe("createRedisRateLimiter's options", () => {
  const redis = {}; // never used: the options are refused first
  it.each([
    [{ redis, perSecond: 0 }, /perSecond must be a whole number, 1 or more, got 0/],
    [{ redis, perSecond: 2.5 }, /perSecond must be a whole number/],
    [{ perSecond: 5 }, /redis must be an ioredis client/],
    [{ redis, perSecond: 5, key: "" }, /key must be a non-empty string/],
    [{ redis, perSecond: 5, onRedisError: "ignore" }, /onRedisError must be "send" or "fail"/],
  ])("%j is a ConfigError", (options, message) => {
    expect(() => createRedisRateLimiter(options as never)).toThrow(ConfigError);
    expect(() => createRedisRateLimiter(options as never)).toThrow(message);
  });
});

describe("the main entry", () => {
  it("never loads the Redis adapter or its peers: only hathora-processes/redis does", async () => {
    const externals = async (entry: string) => {
      const { metafile } = await build({ entryPoints: [entry], bundle: true, write: false, metafile: true, platform: "node", format: "esm", packages: "external", logLevel: "silent" });
      return Object.values(metafile.outputs).flatMap((output) => output.imports.filter((imported) => imported.external).map((imported) => imported.path));
    };
    const main = await externals("src/index.ts");
    expect(main).toContain("openapi-fetch");
    expect(main.filter((path) => /rate-limiter-flexible|ioredis/.test(path))).toEqual([]);
    expect(await externals("src/redis/index.ts")).toContain("rate-limiter-flexible");
  });
});
