/** Anything that fetches like the platform's `fetch`; the client always passes a `Request`. */
export type FetchLike = (request: Request) => Promise<Response>;

/** A token, or a function that returns one (called before every attempt, so it may rotate). */
export type TokenSource = string | (() => string | Promise<string>);

/** Options of `createHathoraClient`. */
export interface HathoraClientOptions {
  /**
   * Hathora developer token, sent as `Authorization: Bearer <token>`. Required. It never
   * appears in an error, a log line or `util.inspect` of the client.
   */
  token: TokenSource;
  /**
   * Default application id for every call; a call's own `appId` wins.
   * @default undefined (every call must then pass `appId`)
   */
  appId?: string | undefined;
  /** @default "https://api.hathora.dev" */
  baseUrl?: string | undefined;
  /** The `fetch` to send requests with. @default globalThis.fetch */
  fetch?: FetchLike | undefined;
  /** Extra headers sent with every request. @default {} */
  headers?: Record<string, string> | undefined;
  /** `User-Agent` header. @default "hathora-processes/<version>" */
  userAgent?: string | undefined;
  /**
   * Retries after the first attempt, for failures that are safe to retry (see the README's
   * failure model). 0 turns retries off.
   * @default 2
   */
  maxRetries?: number | undefined;
  /** Time limit of each attempt, from sending to the last byte of the body. @default 30000 */
  timeoutMs?: number | undefined;
  /**
   * First backoff delay; each retry doubles it, up to `retryMaxDelayMs`, minus up to 25%
   * random jitter.
   * @default 500
   */
  retryBaseDelayMs?: number | undefined;
  /** Longest backoff delay. @default 8000 */
  retryMaxDelayMs?: number | undefined;
  /**
   * Longest `Retry-After` the client waits for. A server asking for a longer wait gets no
   * retry: the error is thrown at once, with `retryAfterMs` set.
   * @default 60000
   */
  maxRetryAfterMs?: number | undefined;
  /**
   * Also retry `createProcess` after failures where the request may have reached the server
   * (5xx, timeout, connection reset). Each such retry can start a second, billed process.
   * @default false
   */
  retryNonIdempotent?: boolean | undefined;
}

/** Options every method accepts next to its parameters. */
export interface CallOptions {
  /** This call's application id. @default the client's `appId` */
  appId?: string | undefined;
  /** Aborts the request and any backoff wait; the call then rejects with `signal.reason`. */
  signal?: AbortSignal | undefined;
  /** Extra headers for this call, merged over the client's. */
  headers?: Record<string, string> | undefined;
  /** @default the client's `maxRetries` */
  maxRetries?: number | undefined;
  /** @default the client's `timeoutMs` */
  timeoutMs?: number | undefined;
  /** @default the client's `retryNonIdempotent` */
  retryNonIdempotent?: boolean | undefined;
}

export const DEFAULTS = {
  baseUrl: "https://api.hathora.dev",
  maxRetries: 2,
  timeoutMs: 30_000,
  retryBaseDelayMs: 500,
  retryMaxDelayMs: 8_000,
  maxRetryAfterMs: 60_000,
  retryNonIdempotent: false,
} as const;

/** The retry and timeout settings in force for one call. */
export interface RetrySettings {
  maxRetries: number;
  timeoutMs: number;
  retryBaseDelayMs: number;
  retryMaxDelayMs: number;
  maxRetryAfterMs: number;
  retryNonIdempotent: boolean;
}

/** The names `CallOptions` may carry, next to an operation's own parameters. */
export const CALL_OPTION_NAMES: ReadonlySet<string> = new Set([
  "appId",
  "signal",
  "headers",
  "maxRetries",
  "timeoutMs",
  "retryNonIdempotent",
]);
