// Every option of the client, of a call and of a wait: its type and documented default in the
// interfaces, its check and default in one table each. Options are checked and resolved here
// and nowhere else (token.ts checks the token's text, which only it may read); the tables are
// typed against the interfaces, so the two cannot drift apart.
import { specVersion } from "../generated/operations.js";
import type { AttemptEvent } from "./attempt-event.js";
import { systemClock, type Clock } from "./clock.js";
import { ConfigError } from "./errors/config-error.js";
import { checkTokenOption } from "./token.js";

/** Anything that fetches like the platform's `fetch`; the client always passes a `Request`. */
export type FetchLike = (request: Request) => Promise<Response>;

/** A token, or a function that returns one (called before every attempt, so it may rotate). */
export type TokenSource = string | (() => string | Promise<string>);

/** How requests are sent and retried. The client sets them; a call may override some. */
export interface RequestSettings {
  /**
   * Retries after the first attempt, for failures that are safe to retry (see the README's
   * failure model). 0 turns retries off.
   * @default 2
   */
  maxRetries: number;
  /** Time limit of each attempt, from sending to the last byte of the body. @default 30000 */
  timeoutMs: number;
  /**
   * First backoff delay; each retry doubles it, up to `retryMaxDelayMs`, minus up to 25%
   * random jitter.
   * @default 500
   */
  retryBaseDelayMs: number;
  /** Longest backoff delay. @default 8000 */
  retryMaxDelayMs: number;
  /**
   * Longest `Retry-After` the client waits for. A server asking for a longer wait gets no
   * retry: the error is thrown at once, with `retryAfterMs` set.
   * @default 60000
   */
  maxRetryAfterMs: number;
  /**
   * Also retry `createProcess` after failures where the request may have reached the server
   * (5xx, timeout, connection reset). Each such retry can start a second, billed process.
   * @default false
   */
  retryNonIdempotent: boolean;
}

/** `T` with every property optional, `undefined` allowed (for exactOptionalPropertyTypes). */
export type Optional<T> = { [Key in keyof T]?: T[Key] | undefined };

/** How much the client logs: each level includes the ones before it. */
export type LogLevel = "off" | "error" | "warn" | "info" | "debug";

/** A console-shaped logger: `console` itself, pino, winston, or your own. */
export interface Logger {
  /** Logs a failure. */
  error(message: string, ...details: unknown[]): void;
  /** Logs a warning. */
  warn(message: string, ...details: unknown[]): void;
  /** Logs an informational line. */
  info(message: string, ...details: unknown[]): void;
  /** Logs a debugging line (may include redacted headers). */
  debug(message: string, ...details: unknown[]): void;
}

/** Options of `createHathoraClient`. */
export interface HathoraClientOptions extends Optional<RequestSettings> {
  /**
   * Hathora developer token, sent as `Authorization: Bearer <token>`. Required. It never
   * appears in an error, a log line or `util.inspect` of the client.
   */
  token: TokenSource;
  /** Default application id for every call; a call's own `appId` wins. @default undefined (every call must then pass `appId`) */
  appId?: string | undefined;
  /** @default "https://api.hathora.dev" */
  baseUrl?: string | undefined;
  /** The `fetch` to send requests with. @default globalThis.fetch */
  fetch?: FetchLike | undefined;
  /** Extra headers sent with every request. @default {} */
  headers?: Record<string, string> | undefined;
  /** `User-Agent` header. @default "hathora-processes/<version>" */
  userAgent?: string | undefined;
  /** Where log lines go. @default console */
  logger?: Logger | undefined;
  /**
   * How much is logged (see the README's "Logging and tracing").
   * @default the `HATHORA_LOG` environment variable where there is one, else "warn"
   */
  logLevel?: LogLevel | undefined;
  /**
   * Called after every attempt with its record. It only observes: whatever it throws is
   * logged at `warn` and never changes the call's outcome.
   * @default undefined
   */
  onAttempt?: ((event: AttemptEvent) => void) | undefined;
  /**
   * The time source of every wait, backoff and time limit. Tests pass a virtual one
   * (`createFakeHathora().clientOptions` does).
   * @default the platform's timers
   */
  clock?: Clock | undefined;
}

/** Options every method accepts next to its parameters; the settings default to the client's. */
export interface CallOptions extends Optional<Pick<RequestSettings, "maxRetries" | "timeoutMs" | "retryNonIdempotent">> {
  /** This call's application id. @default the client's `appId` */
  appId?: string | undefined;
  /** Aborts the request and any backoff wait; the call then rejects with `signal.reason`. */
  signal?: AbortSignal | undefined;
  /** Extra headers for this call, merged over the client's. */
  headers?: Record<string, string> | undefined;
}

/** How `waitForProcess` polls, next to the options of each `getProcess` call it makes. */
export interface WaitSettings {
  /** The status to wait for; any status string, also one this version does not list. @default "running" */
  until: string;
  /** Deadline of the whole wait; then WaitTimeoutError, with the last process seen. @default 120000 */
  waitTimeoutMs: number;
  /** First pause between polls; each later pause is 1.5 times longer, up to `maxPollIntervalMs`. @default 500 */
  pollIntervalMs: number;
  /** @default 5000 */
  maxPollIntervalMs: number;
  /**
   * A freshly created process can briefly be unknown to the read path: 404s are tolerated for
   * this long after the wait starts, until the process has been seen once.
   * @default 10000
   */
  notFoundGraceMs: number;
}

/** The options of `waitForProcess` and `createProcessAndWait` other than `processId`/`region`. */
export interface WaitOptions extends Optional<WaitSettings>, CallOptions {}

/** A check returns what is wrong with a value, or undefined when it is fine. */
type Check = (value: unknown) => string | undefined;
type Setting<T> = { default: T; check: Check };

// Timers cannot wait longer than 2^31-1 ms; a larger value would fire at once.
const MAX_TIMER_MS = 2 ** 31 - 1;
const wholeNumber =
  (min: number): Check =>
  (value) =>
    typeof value === "number" && Number.isInteger(value) && value >= min && value <= Number.MAX_SAFE_INTEGER ? undefined : `must be a whole number, ${min} or more`;
const milliseconds =
  (min: number): Check =>
  (value) =>
    typeof value === "number" && Number.isInteger(value) && value >= min && value <= MAX_TIMER_MS
      ? undefined
      : `must be a whole number of milliseconds from ${min} to ${MAX_TIMER_MS}`;
const boolean: Check = (value) => (typeof value === "boolean" ? undefined : "must be a boolean");
const nonEmptyString: Check = (value) => (typeof value === "string" && value !== "" ? undefined : "must be a non-empty string");
const headerRecord: Check = (value) => {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return "must be an object of strings";
  // The client always sends `Bearer <token>`; an Authorization here would be overwritten silently.
  if (Object.keys(value).some((name) => name.toLowerCase() === "authorization")) {
    return "must not contain Authorization: the client sends `Authorization: Bearer <token>` itself; pass the token as createHathoraClient({ token }) (a function returning it, if it changes)";
  }
  return undefined;
};
const abortSignal: Check = (value) => (value instanceof AbortSignal ? undefined : "must be an AbortSignal");
const hasMethods =
  (...names: string[]): Check =>
  (value) =>
    typeof value === "object" && value !== null && names.every((name) => typeof (value as Record<string, unknown>)[name] === "function")
      ? undefined
      : `must be an object with the functions ${names.join(", ")}`;
const aFunction: Check = (value) => (typeof value === "function" ? undefined : "must be a function");
const LOG_LEVELS: readonly LogLevel[] = ["off", "error", "warn", "info", "debug"];
const logLevel: Check = (value) => (LOG_LEVELS.includes(value as LogLevel) ? undefined : `must be one of ${LOG_LEVELS.map((level) => `"${level}"`).join(", ")}`);

const REQUEST_SETTINGS = {
  maxRetries: { default: 2, check: wholeNumber(0) },
  timeoutMs: { default: 30_000, check: milliseconds(1) },
  retryBaseDelayMs: { default: 500, check: milliseconds(1) },
  retryMaxDelayMs: { default: 8_000, check: milliseconds(1) },
  maxRetryAfterMs: { default: 60_000, check: milliseconds(1) },
  retryNonIdempotent: { default: false, check: boolean },
} satisfies { [Key in keyof RequestSettings]: Setting<RequestSettings[Key]> };

const WAIT_SETTINGS = {
  until: { default: "running", check: nonEmptyString },
  waitTimeoutMs: { default: 120_000, check: milliseconds(1) },
  pollIntervalMs: { default: 500, check: milliseconds(1) },
  maxPollIntervalMs: { default: 5_000, check: milliseconds(1) },
  notFoundGraceMs: { default: 10_000, check: milliseconds(0) },
} satisfies { [Key in keyof WaitSettings]: Setting<WaitSettings[Key]> };

/** The checks of the call options; their names are what a method accepts besides parameters. */
const CALL_OPTIONS = {
  appId: nonEmptyString,
  signal: abortSignal,
  headers: headerRecord,
  maxRetries: REQUEST_SETTINGS.maxRetries.check,
  timeoutMs: REQUEST_SETTINGS.timeoutMs.check,
  retryNonIdempotent: REQUEST_SETTINGS.retryNonIdempotent.check,
} satisfies { [Key in keyof CallOptions]-?: Check };

/**
 * Every option `createHathoraClient` knows, typed against the interface so that a new option
 * cannot be forgotten here: the one list that unknown (misspelt) options are rejected against.
 */
const CLIENT_OPTIONS = {
  token: true,
  appId: true,
  baseUrl: true,
  fetch: true,
  headers: true,
  userAgent: true,
  logger: true,
  logLevel: true,
  onAttempt: true,
  clock: true,
  ...REQUEST_SETTINGS,
} satisfies { [Key in keyof HathoraClientOptions]-?: unknown };

/** The client's options, checked, with every default filled in. */
export interface ResolvedClientOptions {
  token: TokenSource;
  appId: string | undefined;
  baseUrl: string;
  /** The headers of every request, lower-case names, `user-agent` included. */
  headers: Record<string, string>;
  fetch: FetchLike | undefined;
  settings: RequestSettings;
  /** Undefined when the option was not given (the logger then reads HATHORA_LOG). */
  logLevel: LogLevel | undefined;
  logger: Logger | undefined;
  onAttempt: ((event: AttemptEvent) => void) | undefined;
  clock: Clock;
}

/** Checks every option of `createHathoraClient` and fills in the defaults; ConfigError if one is wrong. */
export function resolveClientOptions(options: HathoraClientOptions): ResolvedClientOptions {
  if (typeof options !== "object" || options === null) {
    throw new ConfigError("createHathoraClient expects an options object with at least a token");
  }
  rejectUnknownOptions(options, (name) => Object.hasOwn(CLIENT_OPTIONS, name), Object.keys(CLIENT_OPTIONS), "createHathoraClient");
  const { token, appId, baseUrl = "https://api.hathora.dev", fetch, userAgent, logger, logLevel: level, onAttempt, clock = systemClock } = options;
  checkTokenOption(token);
  if (appId !== undefined) failIf(nonEmptyString(appId), "appId", appId, "createHathoraClient");
  if (!/^https?:\/\/[^/]/i.test(String(baseUrl)) || !URL.canParse(baseUrl)) {
    throw new ConfigError(`createHathoraClient: baseUrl must be an absolute http(s) URL, got ${describeValue(baseUrl)}`);
  }
  if (userAgent !== undefined) failIf(nonEmptyString(userAgent), "userAgent", userAgent, "createHathoraClient");
  if (fetch !== undefined ? typeof fetch !== "function" : typeof globalThis.fetch !== "function") {
    throw new ConfigError("createHathoraClient: no fetch available: pass createHathoraClient({ fetch }), a function taking a Request");
  }
  if (logger !== undefined) failIf(hasMethods("error", "warn", "info", "debug")(logger), "logger", logger, "createHathoraClient");
  if (level !== undefined) failIf(logLevel(level), "logLevel", level, "createHathoraClient");
  if (onAttempt !== undefined) failIf(aFunction(onAttempt), "onAttempt", onAttempt, "createHathoraClient");
  failIf(hasMethods("now", "setTimeout", "clearTimeout")(clock), "clock", clock, "createHathoraClient");
  const settings = resolve(REQUEST_SETTINGS, options, "createHathoraClient");
  return { token, appId, baseUrl, headers: clientHeaders(options), fetch, settings, logLevel: level, logger, onAttempt, clock };
}

/** The client's headers with lower-case names, so that a call's merge over them whatever their case. */
function clientHeaders({ headers, userAgent }: HathoraClientOptions): Record<string, string> {
  if (headers !== undefined) failIf(headerRecord(headers), "headers", headers, "createHathoraClient");
  let merged: Headers;
  try {
    merged = new Headers(headers);
  } catch (error) {
    throw new ConfigError(`createHathoraClient: headers: ${(error as Error).message}`);
  }
  // A User-Agent in `headers` wins, then the `userAgent` option, then ours.
  if (!merged.has("user-agent")) merged.set("user-agent", userAgent ?? `hathora-processes/${specVersion}`);
  return Object.fromEntries(merged);
}

/** Whether `name` is a call option (rather than an operation parameter or a typo). */
export function isCallOption(name: string): name is keyof CallOptions {
  return Object.hasOwn(CALL_OPTIONS, name);
}

export const CALL_OPTION_NAMES: readonly string[] = Object.keys(CALL_OPTIONS);

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

/**
 * A wait's settings, each checked, and its call options (checked by the calls they go to).
 * `own` is the helper's own argument (`processId` or `region`); any other name is a typo.
 */
export function resolveWaitOptions(options: WaitOptions, where: string, own: string): { settings: WaitSettings; call: CallOptions } {
  if (typeof options !== "object" || options === null) throw new ConfigError(`${where}: expected an options object`);
  const call: Record<string, unknown> = {};
  const known = (name: string) => isCallOption(name) || Object.hasOwn(WAIT_SETTINGS, name) || name === own;
  rejectUnknownOptions(options, known, [own, ...Object.keys(WAIT_SETTINGS), ...CALL_OPTION_NAMES], where);
  for (const name of Object.keys(options)) {
    if (isCallOption(name)) call[name] = (options as Record<string, unknown>)[name];
  }
  return { settings: resolve(WAIT_SETTINGS, options, where), call };
}

function resolve<T>(table: { [Key in keyof T]: Setting<T[Key]> }, options: object, where: string): T {
  const given = options as Record<string, unknown>;
  const resolved = {} as T;
  for (const name of Object.keys(table) as Array<keyof T & string>) {
    const value = given[name];
    if (value === undefined) {
      resolved[name] = table[name].default;
    } else {
      failIf(table[name].check(value), name, value, where);
      resolved[name] = value as T[typeof name];
    }
  }
  return resolved;
}

/**
 * The one check for misspelt options, of the client, of a call and of a wait: a ConfigError
 * naming the unknown option and listing the known ones.
 */
export function rejectUnknownOptions(options: object, isKnown: (name: string) => boolean, knownNames: readonly string[], where: string): void {
  for (const name of Object.keys(options)) {
    if (!isKnown(name)) throw new ConfigError(`${where}: unknown option "${name}"; known options: ${knownNames.join(", ")}`);
  }
}

function failIf(problem: string | undefined, name: string, value: unknown, where: string): void {
  if (problem) throw new ConfigError(`${where}: ${name} ${problem}, got ${describeValue(value)}`);
}

/** A value as an error message shows it: short, and never a whole object. */
export function describeValue(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value);
  if (Array.isArray(value)) return "an array";
  if (value === null) return "null";
  return typeof value === "object" ? "an object" : `${typeof value} ${String(value)}`;
}
