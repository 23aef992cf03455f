// Which failures are retried, and after how long. The rule that matters most: an operation
// that is not idempotent (createProcess) is only retried when the failure proves the server
// did not act on the request, because a second create can start a second, billed process.
import { ApiError } from "../errors/api-error.js";
import { ConnectionError } from "../errors/connection-error.js";
import type { RequestSettings } from "../options/call-options.js";

/** Statuses after which the same request may succeed. 429 means the server did not act. */
const RETRIED_STATUSES = new Set([408, 429, 500, 502, 503, 504]);

/**
 * How long to wait before the next attempt, or undefined when the failure is not retried.
 * `attempt` counts from 1 (the attempt that just failed). A ConnectionTimeoutError is a
 * ConnectionError that may have reached the server.
 */
export function retryDelayMs(
  error: unknown,
  attempt: number,
  idempotent: boolean,
  settings: RequestSettings,
  random: () => number = Math.random,
): number | undefined {
  if (attempt > settings.maxRetries) return undefined;
  const mayRepeat = idempotent || settings.retryNonIdempotent;

  if (error instanceof ApiError) {
    if (!RETRIED_STATUSES.has(error.status)) return undefined;
    if (error.status !== 429 && !mayRepeat) return undefined;
    if (error.retryAfterMs !== undefined) {
      return error.retryAfterMs <= settings.maxRetryAfterMs ? error.retryAfterMs : undefined;
    }
  } else if (!(error instanceof ConnectionError) || (error.mayHaveReachedServer && !mayRepeat)) {
    return undefined;
  }
  return backoffMs(attempt, settings, random);
}

/** Exponential backoff: base * 2^(attempt-1), capped, minus up to 25% random jitter. */
export function backoffMs(attempt: number, settings: RequestSettings, random: () => number = Math.random): number {
  const capped = Math.min(settings.retryMaxDelayMs, settings.retryBaseDelayMs * 2 ** (attempt - 1));
  return Math.round(capped * (1 - 0.25 * random()));
}
