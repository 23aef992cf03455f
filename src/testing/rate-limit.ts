// The fake's rate limit, as an API gateway keeps one: a token bucket per application (the
// `appId` in the request's path), holding `burst` requests and refilled at `perSecond`. A
// request that finds it empty gets a 429 with the spec's ApiError body and a `Retry-After` in
// whole seconds (the wait for the next token, rounded up), before anything else is looked at:
// the token, the route, a failure queued with failNext. Hathora published no numbers for its
// limits; these are the test's own.
import { ConfigError } from "../index.js";

/** `createFakeHathora({ rateLimit })`: requests per second per application, and the burst allowed. */
export interface FakeRateLimit {
  /** Tokens added per second (fractions allowed: 0.5 is one request every 2 s). */
  perSecond: number;
  /** Requests allowed at once, when the bucket is full; it starts full. @default perSecond, rounded up */
  burst?: number | undefined;
}

/** A refused request: the 429, its ApiError body and its Retry-After header. */
export interface RateLimited {
  status: 429;
  body: { message: string };
  headers: Record<string, string>;
}

interface Bucket {
  tokens: number;
  at: number;
}

export class RateLimitBuckets {
  readonly #perSecond: number;
  readonly #burst: number;
  readonly #buckets = new Map<string, Bucket>();

  constructor(limit: FakeRateLimit) {
    const { perSecond, burst = Math.max(1, Math.ceil(perSecond)) } = checked(limit);
    this.#perSecond = perSecond;
    this.#burst = burst;
  }

  /** Takes a token of `appId`'s bucket at `now` (ms); the 429 to answer when there is none. */
  refuse(appId: string, now: number): RateLimited | undefined {
    let bucket = this.#buckets.get(appId);
    if (bucket === undefined) {
      bucket = { tokens: this.#burst, at: now };
      this.#buckets.set(appId, bucket);
    }
    bucket.tokens = Math.min(this.#burst, bucket.tokens + ((now - bucket.at) / 1000) * this.#perSecond);
    bucket.at = now;
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return undefined;
    }
    const retryAfterSeconds = Math.max(1, Math.ceil((1 - bucket.tokens) / this.#perSecond));
    const message = `Rate limit exceeded: ${this.#perSecond} requests per second (burst ${this.#burst}) for this application; retry after ${retryAfterSeconds} s`;
    return { status: 429, body: { message }, headers: { "retry-after": String(retryAfterSeconds) } };
  }

  /** Full buckets again. */
  clear(): void {
    this.#buckets.clear();
  }
}

function checked(limit: FakeRateLimit): FakeRateLimit {
  if (typeof limit !== "object" || limit === null) throw new ConfigError("createFakeHathora: rateLimit must be an object { perSecond, burst? }");
  const { perSecond, burst } = limit;
  if (typeof perSecond !== "number" || !Number.isFinite(perSecond) || perSecond <= 0) {
    throw new ConfigError(`createFakeHathora: rateLimit.perSecond must be a finite number above 0, got ${String(perSecond)}`);
  }
  if (burst !== undefined && !(Number.isInteger(burst) && burst >= 1)) {
    throw new ConfigError(`createFakeHathora: rateLimit.burst must be a whole number, 1 or more, got ${String(burst)}`);
  }
  return limit;
}
