// Which failures are retried, and after how long. The rule that matters most: an operation
// that is not idempotent (createProcess) is only retried when the failure proves the server
// did not act on the request, because a second create can start a second, billed process.
// What this file allows, the client's retry budget (retry-budget.ts) may still refuse.
import { ApiError } from "../errors/api-error.js";
import { ConnectionError } from "../errors/connection-error.js";
import type { RequestSettings } from "../options/call-options.js";

/** Statuses after which the same request may succeed. 429 means the server did not act. */
const RETRIED_STATUSES = new Set([408, 429, 500, 502, 503, 504]);

/**
 * Why a failed attempt was not followed by another (`AttemptEvent.notRetried`):
 * - `"not-retryable"`: a failure that repeating cannot fix (a 404, a 422, a bad body, ...);
 * - `"may-have-reached-server"`: the request may have been acted on, and the operation
 *   (`createProcess`) is not safe to repeat;
 * - `"retry-after-too-long"`: the server's `Retry-After` is over `maxRetryAfterMs`;
 * - `"retries-exhausted"`: the call made `maxRetries + 1` attempts;
 * - `"retry-budget-spent"`: the client's retry budget could not pay for the retry;
 * - `"aborted"`: the caller's signal aborted.
 */
export type NotRetriedReason = "not-retryable" | "may-have-reached-server" | "retry-after-too-long" | "retries-exhausted" | "retry-budget-spent" | "aborted";

/** The policy's answer: a retry (what it costs the budget, when it may go), or why not. */
export type RetryDecision =
  | {
      retry: true;
      /** The backoff delay; for a `Retry-After`, the server's wait. */
      delayMs: number;
      /** `"timeout"` after a time limit or a connection failure (the costlier kind), else `"retry"`. */
      kind: "retry" | "timeout";
      /** The server's `Retry-After` in ms when it gave one (within `maxRetryAfterMs`). */
      retryAfterMs: number | undefined;
    }
  | { retry: false; reason: NotRetriedReason };

const refused = (reason: NotRetriedReason): RetryDecision => ({ retry: false, reason });

/**
 * Whether to retry after `error`, and how. `attempt` counts from 1 (the attempt that just
 * failed). A ConnectionTimeoutError is a ConnectionError that may have reached the server.
 */
export function retryDecision(error: unknown, attempt: number, idempotent: boolean, settings: RequestSettings, random: () => number = Math.random): RetryDecision {
  const mayRepeat = idempotent || settings.retryNonIdempotent;
  let retryAfterMs: number | undefined;
  let kind: "retry" | "timeout" = "retry";
  if (error instanceof ApiError) {
    if (!RETRIED_STATUSES.has(error.status)) return refused("not-retryable");
    if (error.status !== 429 && !mayRepeat) return refused("may-have-reached-server");
    retryAfterMs = error.retryAfterMs;
    if (retryAfterMs !== undefined && retryAfterMs > settings.maxRetryAfterMs) return refused("retry-after-too-long");
  } else if (error instanceof ConnectionError) {
    if (error.mayHaveReachedServer && !mayRepeat) return refused("may-have-reached-server");
    kind = "timeout";
  } else {
    return refused("not-retryable");
  }
  if (attempt > settings.maxRetries) return refused("retries-exhausted");
  return { retry: true, delayMs: retryAfterMs ?? backoffMs(attempt, settings, random), kind, retryAfterMs };
}

/** The delay before the next attempt, or undefined when the failure is not retried. */
export function retryDelayMs(error: unknown, attempt: number, idempotent: boolean, settings: RequestSettings, random: () => number = Math.random): number | undefined {
  const decision = retryDecision(error, attempt, idempotent, settings, random);
  return decision.retry ? decision.delayMs : undefined;
}

/**
 * Exponential backoff with (nearly) full jitter: a random delay between 10 % and 100 % of
 * base * 2^(attempt-1), capped. With the 25 % jitter of 0.1.0, 166 of 200 calls failing
 * together came back within one 100 ms window; spread over the whole range, as the AWS SDKs
 * do, they come back a few at a time. The 10 % floor keeps a retry from following its failure
 * at once, when the server has had no time to recover.
 */
export function backoffMs(attempt: number, settings: RequestSettings, random: () => number = Math.random): number {
  const capped = Math.min(settings.retryMaxDelayMs, settings.retryBaseDelayMs * 2 ** (attempt - 1));
  return Math.round(capped * (MIN_JITTER_FRACTION + (1 - MIN_JITTER_FRACTION) * random()));
}

const MIN_JITTER_FRACTION = 0.1;
