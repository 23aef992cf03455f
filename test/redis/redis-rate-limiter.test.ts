// hathora-processes/redis against a real redis-server: replicas in separate processes, each with
// its own client, share one limit through Redis and never exceed it together; a 429 that one
// replica gets holds the others back for its Retry-After.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHathoraClient } from "../../src/index.js";
import { createRedisRateLimiter } from "../../src/redis/index.js";
import { createFakeHathora, type FakeCall } from "../../src/testing/index.js";
import { startRedisServer, type RedisServer } from "./redis-server.js";

const repo = fileURLToPath(new URL("../..", import.meta.url));
let redisServer: RedisServer;
const connections: Redis[] = [];
const connect = () => {
  const redis = new Redis(redisServer.url);
  connections.push(redis);
  return redis;
};

beforeAll(async () => {
  redisServer = await startRedisServer();
});
afterAll(async () => {
  for (const redis of connections) redis.disconnect();
  await redisServer?.stop();
});

interface Replica {
  ready: Promise<void>;
  go(): void;
  done: Promise<{ ok: number; failed: number }>;
}

/** A replica process (test/redis/replica.ts) making `calls` calls against `baseUrl`. */
function replica(baseUrl: string, redisUrl: string, calls: number, perSecond: number): Replica {
  const child = spawn(process.execPath, ["--import", "tsx", "test/redis/replica.ts", baseUrl, redisUrl, String(calls), String(perSecond)], { cwd: repo, stdio: ["pipe", "pipe", "pipe"] });
  let out = "";
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  child.stdout.on("data", (chunk: Buffer) => {
    out += chunk.toString();
    if (out.includes("ready")) markReady();
  });
  child.stderr.on("data", (chunk: Buffer) => (out += chunk.toString()));
  const done = new Promise<{ ok: number; failed: number }>((resolve, reject) => {
    child.once("exit", (code) => {
      const last = out.trim().split("\n").pop() ?? "";
      if (code === 0 && last.startsWith("{")) resolve(JSON.parse(last) as { ok: number; failed: number });
      else reject(new Error(`replica exited with ${code}:\n${out}`));
    });
  });
  return { ready, go: () => child.stdin.end("go\n"), done };
}

/** The most calls that arrived within any `ms` (each window starting at a call). */
const mostWithin = (calls: readonly FakeCall[], ms: number) => Math.max(...calls.map(({ at }) => calls.filter((call) => call.at >= at && call.at < at + ms).length));

async function runReplicas(redisUrl: string, perSecond: number, callsEach: number) {
  const fake = createFakeHathora({ rateLimit: { perSecond: 10, burst: 10 } });
  const server = await fake.listen();
  try {
    const replicas = [replica(server.url, redisUrl, callsEach, perSecond), replica(server.url, redisUrl, callsEach, perSecond)];
    await Promise.all(replicas.map((each) => each.ready));
    for (const each of replicas) each.go();
    const results = await Promise.all(replicas.map((each) => each.done));
    return { results, calls: [...fake.calls] };
  } finally {
    await server.close();
  }
}

describe("two replicas in two processes sharing one limit of 10 per second", () => {
  it("never exceed it together: 50 calls, none refused by a gateway allowing 10 per second; spread over at least 4 s", async () => {
    const { results, calls } = await runReplicas(redisServer.url, 10, 25);
    expect(results).toEqual([
      { ok: 25, failed: 0 },
      { ok: 25, failed: 0 },
    ]);
    expect(calls).toHaveLength(50);
    expect(calls.filter((call) => call.status === 429)).toEqual([]);
    expect(calls.at(-1)!.at - calls[0]!.at).toBeGreaterThanOrEqual(4_000);
    // Evenly spaced: at most one more than the limit in any second (a request delayed by load
    // can come close to the next one).
    expect(mostWithin(calls, 1_000)).toBeLessThanOrEqual(12);
  });

  it("without the shared limiter the same replicas exceed it (the control)", async () => {
    const { results, calls } = await runReplicas("none", 10, 25);
    expect(results.reduce((sum, result) => sum + result.failed, 0)).toBeGreaterThan(20);
    expect(calls.filter((call) => call.status === 429).length).toBeGreaterThan(20);
  });
});

describe("createRedisRateLimiter", () => {
  it("a 429 that one client gets holds back another sharing the key, for the Retry-After", async () => {
    const fake = createFakeHathora();
    const server = await fake.listen();
    try {
      const options = { token: fake.token, appId: fake.appId, baseUrl: server.url, logLevel: "off" as const, maxRetries: 0 };
      const first = createHathoraClient({ ...options, rateLimiter: createRedisRateLimiter({ redis: connect(), perSecond: 50, key: "hold-test" }) });
      const second = createHathoraClient({ ...options, rateLimiter: createRedisRateLimiter({ redis: connect(), perSecond: 50, key: "hold-test" }) });
      fake.failNext("*", { status: 429, retryAfterSeconds: 2 });
      await expect(first.processesV3.getLatestProcesses()).rejects.toThrow(/429/);
      await new Promise((resolve) => setTimeout(resolve, 100)); // the block reaches Redis
      await second.processesV3.getLatestProcesses();
      const [refused, later] = fake.calls;
      expect(later!.at - refused!.at).toBeGreaterThanOrEqual(1_500);
      expect(later!.at - refused!.at).toBeLessThan(10_000);
    } finally {
      await server.close();
    }
  });

  it("a caller's signal stops the wait for the window: the call rejects with its reason, unsent", async () => {
    const fake = createFakeHathora();
    const hathora = createHathoraClient({ ...fake.clientOptions, logLevel: "off", rateLimiter: createRedisRateLimiter({ redis: connect(), perSecond: 1, key: "abort-test" }) });
    await hathora.processesV3.getLatestProcesses();
    const started = Date.now();
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error("gave up")), 100);
    await expect(hathora.processesV3.getLatestProcesses({ signal: controller.signal })).rejects.toThrow("gave up");
    expect(Date.now() - started).toBeLessThan(900);
    expect(fake.calls).toHaveLength(1);
  });
});

describe("when Redis cannot be reached", () => {
  // A client that fails each command at once instead of queueing it until Redis comes back.
  const unreachable = () => {
    const redis = new Redis(`redis://127.0.0.1:1`, { lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 0, retryStrategy: () => null });
    connections.push(redis);
    return redis;
  };

  it('onRedisError "send" (the default): the call goes out unlimited', async () => {
    const fake = createFakeHathora();
    const hathora = createHathoraClient({ ...fake.clientOptions, logLevel: "off", rateLimiter: createRedisRateLimiter({ redis: unreachable(), perSecond: 1 }) });
    await Promise.all([hathora.processesV3.getLatestProcesses(), hathora.processesV3.getLatestProcesses()]);
    expect(fake.calls).toHaveLength(2);
  });

  it('onRedisError "fail": the call fails with the Redis error, unsent', async () => {
    const fake = createFakeHathora();
    const hathora = createHathoraClient({ ...fake.clientOptions, logLevel: "off", rateLimiter: createRedisRateLimiter({ redis: unreachable(), perSecond: 1, onRedisError: "fail" }) });
    await expect(hathora.processesV3.getLatestProcesses()).rejects.toThrow(/enableOfflineQueue|writeable|connect/i);
    expect(fake.calls).toHaveLength(0);
  });
});
