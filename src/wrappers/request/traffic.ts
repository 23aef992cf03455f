// What a client's calls share besides their settings: the retry budget, the shared backoff,
// the concurrency limit and the shared rate limiter; and the turn each attempt waits for
// before it is sent, in this order: a slot of the concurrency limit (held until the attempt
// is done), then the shared backoff (a Retry-After's hold, the pace after a 429), then the
// shared rate limiter. Waiting for a slot first keeps the paced attempts in the order of
// arrival and sends each one the moment its turn comes. With the defaults a call pays three
// property reads per attempt here: no promise, no allocation.
import { ConcurrencyLimit } from "./concurrency-limit.js";
import type { Clock } from "./clock.js";
import type { OperationId } from "../operation-types.js";
import type { ResolvedTraffic } from "../options/traffic-options.js";
import type { RateLimiter } from "./rate-limiter.js";
import { RetryBudget } from "./retry-budget.js";
import { SharedBackoff } from "./shared-backoff.js";

/** The traffic state of one client. */
export interface Traffic {
  budget: RetryBudget | undefined;
  backoff: SharedBackoff;
  limit: ConcurrencyLimit | undefined;
  rateLimiter: RateLimiter | undefined;
}

export function createTraffic(options: ResolvedTraffic, clock: Clock): Traffic {
  return {
    budget: options.retryBudget && new RetryBudget(options.retryBudget),
    backoff: new SharedBackoff(clock),
    limit: Number.isFinite(options.maxConcurrency) ? new ConcurrencyLimit(options.maxConcurrency) : undefined,
    rateLimiter: options.rateLimiter,
  };
}

/** Whether an attempt must wait for its turn; false on the default path, which then awaits nothing. */
export function mustWait(traffic: Traffic): boolean {
  return traffic.limit !== undefined || traffic.backoff.busy || traffic.rateLimiter !== undefined;
}

/**
 * Waits for the attempt's turn; a slot of the concurrency limit is then held, to be released
 * by the caller when the attempt is done. `ticket` is the call's place in the shared backoff's
 * line (0 until it first waits there); the one it holds now is returned, for its next attempt.
 * Rejects with the signal's reason when it aborts (the slot then released here), or with the
 * rate limiter's error.
 */
export async function takeTurn(traffic: Traffic, operationId: OperationId, signal: AbortSignal | undefined, ticket: number): Promise<number> {
  const { limit, backoff, rateLimiter } = traffic;
  if (limit) await limit.acquire(signal);
  try {
    if (backoff.busy) {
      if (ticket === 0) ticket = backoff.ticket();
      await backoff.enter(signal, ticket);
    }
    if (rateLimiter) await rateLimiter.acquire({ operationId, signal });
    signal?.throwIfAborted();
  } catch (error) {
    limit?.release();
    throw signal?.aborted ? signal.reason : error;
  }
  return ticket;
}
