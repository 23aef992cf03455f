// A limit shared beyond one client: several replicas of a service, each with its own client,
// under one Hathora rate limit. The client asks the limiter before each attempt and tells it
// about each 429; the limiter keeps the count where every replica sees it (Redis, with
// hathora-processes/redis). The client's own shared backoff still applies on top.
import type { OperationId } from "../operation-types.js";

/** What the client tells a `RateLimiter` about the attempt it is about to send. */
export interface RateLimiterRequest {
  /** The spec's operationId of the call, such as `"GetProcess"`. */
  operationId: OperationId;
  /** The call's signal: a limiter that waits should stop waiting when it aborts. */
  signal: AbortSignal | undefined;
}

/** What the client tells a `RateLimiter` about a 429 it got. */
export interface RateLimitedEvent {
  /** The spec's operationId of the refused call. */
  operationId: OperationId;
  /** The server's `Retry-After` in milliseconds, when it sent one. */
  retryAfterMs: number | undefined;
}

/**
 * A rate limit shared with other clients (`createHathoraClient({ rateLimiter })`), such as
 * `createRedisRateLimiter` from `hathora-processes/redis`.
 */
export interface RateLimiter {
  /**
   * Called before every attempt (retries included); the attempt is sent when it returns or its
   * promise resolves. A rejection fails the call with that error, without sending it.
   */
  acquire(request: RateLimiterRequest): void | Promise<void>;
  /** Called after every 429, so that every client sharing the limit can hold back. What it throws is ignored. */
  rateLimited?(event: RateLimitedEvent): void;
}
