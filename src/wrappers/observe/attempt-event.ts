// The one record of an attempt. Logs, onAttempt events and traces all read it, so they agree.
import type { OperationId } from "../operation-types.js";
import type { NotRetriedReason } from "../request/retry-policy.js";

/**
 * What happened in one attempt of one operation, given to `onAttempt` after every attempt
 * (and read by the logger and the trace publisher). It never holds the token or a header.
 */
export interface AttemptEvent {
  /** The spec's operationId, such as `"GetProcess"`. */
  operationId: OperationId;
  /** `"GET"` or `"POST"`. */
  method: string;
  /** The path template, such as `/processes/v3/apps/{appId}/processes/{processId}`. */
  route: string;
  /** The URL this attempt was sent to (query included). */
  url: string;
  /** The host of the client's `baseUrl`. */
  serverAddress: string;
  /** The port of the client's `baseUrl`: its own or the scheme's default. */
  serverPort: number;
  /** Which attempt this was, from 1. */
  attempt: number;
  /** The most attempts this call may make: `maxRetries + 1`. */
  maxAttempts: number;
  /** When the attempt started, in milliseconds on the client's clock. */
  startTime: number;
  /** From sending to the last byte of the body (or the failure), in milliseconds. */
  durationMs: number;
  /** The HTTP status, when a response came (also for an error status). */
  status?: number;
  /** What the attempt failed with: a HathoraError, or the reason of the caller's signal. */
  error?: unknown;
  /** The failure's kind: the error class's `name` (`"RateLimitError"`, `"ConnectionError"`, ...). */
  errorType?: string;
  /** The server's request id (`x-request-id` or `request-id`), when it sent one. */
  requestId?: string;
  /**
   * Set when another attempt follows: how long the client waits before it at the least (after
   * a `Retry-After`, the calls held back are then let go over the next second).
   */
  retryInMs?: number;
  /** Set on a failed attempt that no retry follows: why (`"retry-budget-spent"`, `"not-retryable"`, ...). */
  notRetried?: NotRetriedReason;
}

/**
 * The headers of an attempt's exchange, for the debug logger only (which shows just the ones
 * known to be safe). Kept apart from AttemptEvent so that no hook ever receives Authorization.
 */
export interface AttemptExchange {
  requestHeaders: RequestInit["headers"];
  responseHeaders: Headers | Record<string, string> | undefined;
}

/** What a client does with each attempt's record; built once per client, absent when nothing listens. */
export type AttemptObserver = (event: AttemptEvent, exchange: AttemptExchange) => void;

/** The request id a server sent, from either of the two usual headers. */
export function requestIdOf(headers: Headers): string | undefined {
  return headers.get("x-request-id") ?? headers.get("request-id") ?? undefined;
}
