// What follows a failed attempt. The retry policy says whether the failure may be retried; the
// client's retry budget must then pay for it (a 429 excepted); a 429 or a Retry-After is told to the shared
// backoff and the shared rate limiter, whatever becomes of this call. When no retry follows,
// the reason goes on the attempt's record, and the error's message says it where the caller
// can act on it (a Retry-After over maxRetryAfterMs, a spent budget).
import { ApiError } from "../errors/api-error.js";
import { addNote, RETRY_BUDGET_NOTE, retryAfterTooLongNote } from "../errors/error-notes.js";
import type { OperationId } from "../operation-types.js";
import type { RequestSettings } from "../options/call-options.js";
import { retryDecision, type NotRetriedReason } from "./retry-policy.js";
import type { Traffic } from "./traffic.js";

/** The next step of a call after a failed attempt. */
export type NextStep =
  | {
      retry: true;
      /** How long this call sleeps on its own before its next turn (0 when a shared hold covers it). */
      sleepMs: number;
      /** How long until the next attempt at the earliest, for the attempt's record. */
      retryInMs: number;
      /** What the retry took from the budget (undefined: no budget). */
      cost: number | undefined;
    }
  | { retry: false; reason: NotRetriedReason };

export function nextStep(
  traffic: Traffic,
  error: unknown,
  operationId: OperationId,
  attempt: number,
  idempotent: boolean,
  settings: RequestSettings,
  signal: AbortSignal | undefined,
): NextStep {
  if (signal?.aborted) return { retry: false, reason: "aborted" };
  const decision = retryDecision(error, attempt, idempotent, settings);
  if (error instanceof ApiError) tellRefusal(traffic, error, operationId, settings);
  if (!decision.retry) {
    if (decision.reason === "retry-after-too-long" && error instanceof ApiError && error.retryAfterMs !== undefined) {
      addNote(error, retryAfterTooLongNote(error.retryAfterMs, settings));
    }
    return decision;
  }
  let cost: number | undefined;
  // A 429 is flow control, not a failure: its retries wait in the shared backoff, paced, and
  // cost the budget nothing, or one burst of 200 creates would spend it.
  const throttled = error instanceof ApiError && error.status === 429;
  if (traffic.budget && !throttled) {
    cost = traffic.budget.take(decision.kind);
    if (cost === undefined) {
      if (error instanceof Error) addNote(error, RETRY_BUDGET_NOTE);
      return { retry: false, reason: "retry-budget-spent" };
    }
  }
  // A Retry-After is waited for in the shared backoff, with every other call of the client.
  const held = decision.retryAfterMs !== undefined;
  return { retry: true, sleepMs: held ? 0 : decision.delayMs, retryInMs: decision.delayMs, cost };
}

/** A 429, or a 503 with Retry-After: every call of the client holds back, and the shared limiter hears of it. */
function tellRefusal(traffic: Traffic, error: ApiError, operationId: OperationId, settings: RequestSettings): void {
  const { status, retryAfterMs } = error;
  if (status !== 429 && status !== 503) return;
  const waited = retryAfterMs !== undefined && retryAfterMs <= settings.maxRetryAfterMs;
  if (waited) traffic.backoff.hold(retryAfterMs, status === 429);
  else if (status === 429) traffic.backoff.refused();
  if (status === 429 && traffic.rateLimiter?.rateLimited) {
    try {
      traffic.rateLimiter.rateLimited({ operationId, retryAfterMs });
    } catch {
      // A limiter's notice only informs it; its failure is not the call's.
    }
  }
}
