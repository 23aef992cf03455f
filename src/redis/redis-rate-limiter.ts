// A RateLimiter (the client's `rateLimiter` option) whose count lives in Redis, so that every
// replica of a service, each with its own client, keeps under one limit together. Built on
// rate-limiter-flexible's RateLimiterRedis (an atomic Lua counter per one-second window). A
// window's count alone would let a whole second's requests out at once, twice at a window's
// edge; so the n-th request of a window waits until n/perSecond of it has passed, and the
// requests of all replicas go out evenly spaced, as a gateway's token bucket admits them. A
// 429 seen by any replica blocks the key for its Retry-After: every replica holds back.
import { RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible";
import { ConfigError, type RateLimiter } from "../index.js";
import { systemClock } from "../wrappers/request/clock.js";
import { sleep } from "../wrappers/request/sleep.js";

/** Options of `createRedisRateLimiter`. */
export interface RedisRateLimiterOptions {
  /**
   * An ioredis client (`new Redis(url)`), the one Redis client this adapter is tested with. It is
   * used, never closed: close it yourself at shutdown.
   */
  redis: object;
  /** Requests per second allowed to every client sharing `key`, together; a whole number. */
  perSecond: number;
  /** The Redis key of the shared count: clients with the same key share one limit. @default "hathora-processes:requests" */
  key?: string | undefined;
  /**
   * What an attempt does when the Redis command fails (Redis unreachable once the ioredis
   * client gives up: see its `maxRetriesPerRequest` and `enableOfflineQueue`): `"send"` goes
   * out unlimited (Hathora's own limit and the client's shared backoff still apply), `"fail"`
   * fails the call with the Redis error.
   * @default "send"
   */
  onRedisError?: "send" | "fail" | undefined;
}

const WINDOW_MS = 1000;

/** A rate limiter shared through Redis: pass it as `createHathoraClient({ rateLimiter })` in every replica. */
export function createRedisRateLimiter(options: RedisRateLimiterOptions): RateLimiter {
  const { redis, perSecond, key = "hathora-processes:requests", onRedisError = "send" } = checked(options);
  // A command waits while the client connects (its offline queue), so that the first calls of a
  // new replica are counted too; how long it waits when Redis is down is the client's setting.
  const limiter = new RateLimiterRedis({ storeClient: redis, points: perSecond, duration: WINDOW_MS / 1000, keyPrefix: "" });
  const spacingMs = WINDOW_MS / perSecond;
  return {
    async acquire({ signal }) {
      for (;;) {
        signal?.throwIfAborted();
        let admitted: RateLimiterRes;
        try {
          admitted = await limiter.consume(key, 1);
        } catch (refusal) {
          if (refusal instanceof RateLimiterRes) {
            // The window is full (or blocked after a 429): try again when it ends.
            await sleep(Math.max(1, refusal.msBeforeNext), signal, systemClock);
            continue;
          }
          if (onRedisError === "send") return;
          throw refusal;
        }
        // The n-th request of the window goes out (n-1)/perSecond into it.
        const intoWindow = WINDOW_MS - admitted.msBeforeNext;
        const wait = (admitted.consumedPoints - 1) * spacingMs - intoWindow;
        if (wait > 0) await sleep(wait, signal, systemClock);
        return;
      }
    },
    rateLimited({ retryAfterMs }) {
      const seconds = Math.max(1, Math.ceil((retryAfterMs ?? WINDOW_MS) / 1000));
      // Failing to tell the others costs only their own 429s: never the call's outcome.
      limiter.block(key, seconds).catch(() => undefined);
    },
  };
}

function checked(options: RedisRateLimiterOptions): RedisRateLimiterOptions {
  const where = "createRedisRateLimiter";
  if (typeof options !== "object" || options === null) throw new ConfigError(`${where} expects an options object { redis, perSecond }`);
  const { redis, perSecond, key, onRedisError } = options;
  if (typeof redis !== "object" || redis === null) throw new ConfigError(`${where}: redis must be an ioredis client (new Redis(url))`);
  if (!(Number.isInteger(perSecond) && perSecond >= 1)) throw new ConfigError(`${where}: perSecond must be a whole number, 1 or more, got ${String(perSecond)}`);
  if (key !== undefined && (typeof key !== "string" || key === "")) throw new ConfigError(`${where}: key must be a non-empty string`);
  if (onRedisError !== undefined && onRedisError !== "send" && onRedisError !== "fail") throw new ConfigError(`${where}: onRedisError must be "send" or "fail"`);
  return options;
}
