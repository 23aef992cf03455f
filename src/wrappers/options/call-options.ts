// The settings of every request (retries, time limits, backoff) and the options a single call
// may give next to its parameters: their documented defaults, their checks, and how a call's
// options are laid over the client's.
import { boolean, failIf, milliseconds, nonEmptyString, wholeNumber, type Check, type Resolved, type Setting } from "./setting-checks.js";

/**
 * How requests are sent and retried: options of `createHathoraClient`, some of which a call may
 * override (`CallOptions`). Each one left out takes its default.
 */
export interface RequestOptions {
  /**
   * Retries after the first attempt, for failures that are safe to retry (see the failure
   * model in docs/). 0 turns retries off.
   * @default 2
   */
  maxRetries?: number | undefined;
  /** Time limit of each attempt, from sending to the last byte of the body. @default 30000 */
  timeoutMs?: number | undefined;
  /**
   * First backoff delay; each retry doubles it, up to `retryMaxDelayMs`. The wait is a random
   * 10 % to 100 % of that delay, so that calls failing together do not retry together.
   * @default 500
   */
  retryBaseDelayMs?: number | undefined;
  /** Longest backoff delay. @default 8000 */
  retryMaxDelayMs?: number | undefined;
  /**
   * Longest `Retry-After` the client waits for. A server asking for a longer wait gets no
   * retry: the error is thrown at once, with `retryAfterMs` set and a message naming both. A
   * `Retry-After` within it holds back every call of the client, not only the one that got it.
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

/** The request options with every default filled in, as the client resolves them. */
export type RequestSettings = Resolved<RequestOptions>;

/** Options every method accepts next to its parameters; the settings default to the client's. */
export interface CallOptions extends Pick<RequestOptions, "maxRetries" | "timeoutMs" | "retryNonIdempotent"> {
  /** This call's application id. @default the client's `appId` */
  appId?: string | undefined;
  /** Aborts the request and any backoff wait; the call then rejects with `signal.reason`. */
  signal?: AbortSignal | undefined;
  /** Extra headers for this call, merged over the client's. */
  headers?: Record<string, string> | undefined;
}

/** The defaults and checks of the request settings. */
export const REQUEST_SETTINGS = {
  maxRetries: { default: 2, check: wholeNumber(0) },
  timeoutMs: { default: 30_000, check: milliseconds(1) },
  retryBaseDelayMs: { default: 500, check: milliseconds(1) },
  retryMaxDelayMs: { default: 8_000, check: milliseconds(1) },
  maxRetryAfterMs: { default: 60_000, check: milliseconds(1) },
  retryNonIdempotent: { default: false, check: boolean },
} satisfies { [Key in keyof RequestSettings]: Setting<RequestSettings[Key]> };

/** Headers given as options: an object of strings, without Authorization. */
export const headerRecord: Check = (value) => {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return "must be an object of strings";
  // The client always sends `Bearer <token>`; an Authorization here would be overwritten silently.
  if (Object.keys(value).some((name) => name.toLowerCase() === "authorization")) {
    return "must not contain Authorization: the client sends `Authorization: Bearer <token>` itself; pass the token as createHathoraClient({ token }) (a function returning it, if it changes)";
  }
  return undefined;
};
const abortSignal: Check = (value) => (value instanceof AbortSignal ? undefined : "must be an AbortSignal");

/** The checks of the call options; their names are what a method accepts besides parameters. */
const CALL_OPTIONS = {
  appId: nonEmptyString,
  signal: abortSignal,
  headers: headerRecord,
  maxRetries: REQUEST_SETTINGS.maxRetries.check,
  timeoutMs: REQUEST_SETTINGS.timeoutMs.check,
  retryNonIdempotent: REQUEST_SETTINGS.retryNonIdempotent.check,
} satisfies { [Key in keyof CallOptions]-?: Check };

/** Whether `name` is a call option (rather than an operation parameter or a typo). */
export function isCallOption(name: string): name is keyof CallOptions {
  return Object.hasOwn(CALL_OPTIONS, name);
}

/** The names of the call options, as error messages list them. */
export const CALL_OPTION_NAMES: readonly string[] = Object.keys(CALL_OPTIONS);

/** A call's options, checked. */
export interface ResolvedCall {
  /** The client's settings, with the ones this call overrides. */
  settings: RequestSettings;
  signal: AbortSignal | undefined;
  headers: Record<string, string> | undefined;
}

/** A call's options, each checked: its settings over the client's, its signal and headers. */
export function resolveCallOptions(given: Record<string, unknown>, client: RequestSettings, where: string): ResolvedCall {
  let settings = client;
  for (const name of CALL_OPTION_NAMES) {
    const value = given[name];
    if (value === undefined) continue;
    failIf(CALL_OPTIONS[name as keyof CallOptions](value), name, value, where);
    if (name in client) settings = { ...settings, [name]: value };
  }
  const { signal, headers } = given as CallOptions; // checked above
  return { settings, signal, headers };
}

