// The log lines of one attempt, written from its record. info: one line per attempt. debug: a
// second line with the URL and the headers, shown by allow-list: a header not known to be safe
// (Authorization first of all) is named but its value is never written; bodies never are.
import type { NotRetriedReason } from "../request/retry-policy.js";
import type { AttemptEvent, AttemptExchange } from "./attempt-event.js";

/** Headers whose values carry no secret; every other value is written as "[redacted]". */
const SAFE_HEADERS = new Set([
  "accept",
  "accept-encoding",
  "age",
  "cache-control",
  "connection",
  "content-encoding",
  "content-length",
  "content-type",
  "date",
  "etag",
  "keep-alive",
  "ratelimit-limit",
  "ratelimit-remaining",
  "ratelimit-reset",
  "request-id",
  "retry-after",
  "server",
  "transfer-encoding",
  "user-agent",
  "vary",
  "via",
  "x-ratelimit-limit",
  "x-ratelimit-remaining",
  "x-ratelimit-reset",
  "x-request-id",
]);

/**
 * `hathora-processes GetProcess GET /processes/v3/apps/{appId}/processes/{processId}: 503 ServerError
 * in 12 ms, attempt 1 of 3, request id req-1, retrying in 480 ms`. An attempt that no retry
 * follows before the last one says why: `attempt 1, not retried: a 404 answer is not retried`.
 */
export function attemptLine(event: AttemptEvent): string {
  const outcome = [event.status, event.errorType].filter((part) => part !== undefined).join(" ");
  const { notRetried } = event;
  const which = notRetried === undefined || notRetried === "retries-exhausted" ? `attempt ${event.attempt} of ${event.maxAttempts}` : `attempt ${event.attempt}, not retried: ${whyNot(event, notRetried)}`;
  let line = `hathora-processes ${event.operationId} ${event.method} ${event.route}: ${outcome} in ${Math.round(event.durationMs)} ms, ${which}`;
  if (event.requestId !== undefined) line += `, request id ${event.requestId}`;
  if (event.retryInMs !== undefined) line += `, retrying in ${Math.round(event.retryInMs)} ms`;
  return line;
}

function whyNot(event: AttemptEvent, reason: Exclude<NotRetriedReason, "retries-exhausted">): string {
  switch (reason) {
    case "not-retryable":
      if (event.errorType === "ResponseError") return "a body that is not what the spec promises is not retried";
      return event.status !== undefined ? `a ${event.status} answer is not retried` : `a ${event.errorType ?? "failure"} is not retried`;
    case "may-have-reached-server":
      return `the request may have reached the server, and ${event.operationId} is not safe to repeat`;
    case "retry-after-too-long":
      return "the server's Retry-After is longer than maxRetryAfterMs";
    case "retry-budget-spent":
      return "the client's retry budget is spent";
    case "aborted":
      return "the caller's signal aborted";
  }
}

/** `hathora-processes GetProcess attempt 1: GET <url>; request headers {...}; response headers {...}` */
export function exchangeLine(event: AttemptEvent, exchange: AttemptExchange): string {
  return `hathora-processes ${event.operationId} attempt ${event.attempt}: ${event.method} ${event.url}; request headers ${safeHeaders(exchange.requestHeaders)}; response headers ${safeHeaders(exchange.responseHeaders)}`;
}

function safeHeaders(headers: RequestInit["headers"] | undefined): string {
  if (headers === undefined) return "(none)";
  const shown: Record<string, string> = {};
  new Headers(headers).forEach((value, name) => {
    shown[name] = SAFE_HEADERS.has(name) ? value : "[redacted]";
  });
  return JSON.stringify(shown);
}
