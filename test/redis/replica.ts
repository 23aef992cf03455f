// One replica of a service, in its own process: a client of the fake at argv[2] that makes
// argv[4] concurrent calls, sharing the Redis limit at argv[3] ("none": no shared limiter) of
// argv[5] per second. Prints "ready", then, when told to go, { ok, failed } as JSON.
import { Redis } from "ioredis";
import { createHathoraClient } from "../../src/index.js";
import { createRedisRateLimiter } from "../../src/redis/index.js";

const [baseUrl = "", redisUrl = "none", calls = "10", perSecond = "10"] = process.argv.slice(2);
const redis = redisUrl === "none" ? undefined : new Redis(redisUrl);
const rateLimiter = redis && createRedisRateLimiter({ redis, perSecond: Number(perSecond), key: "replica-test" });
const hathora = createHathoraClient({ token: "fake-hathora-token", appId: "app-fake", baseUrl, logLevel: "off", maxRetries: 0, ...(rateLimiter ? { rateLimiter } : {}) });
if (redis) await redis.ping();
// Both replicas are started together; each says it is ready and begins when told to on stdin,
// so that neither gets a head start.
console.log("ready");
await new Promise((resolve) => process.stdin.once("data", resolve));
const results = await Promise.allSettled(Array.from({ length: Number(calls) }, () => hathora.processesV3.getLatestProcesses()));
console.log(JSON.stringify({ ok: results.filter((result) => result.status === "fulfilled").length, failed: results.filter((result) => result.status === "rejected").length }));
redis?.disconnect();
process.exit(0);
