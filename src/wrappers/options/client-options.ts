// options/: every option of the client, of a call and of a wait, each kind in its own file
// around one table helper (setting-checks.ts). Options are checked and given their defaults
// here and nowhere else (token.ts checks the token's text, which only it may read); each table
// is typed against its interface, so the two cannot drift apart.
//
// This file: the options of `createHathoraClient` (and `createRawClient`).
import { specVersion } from "../../generated/operations.js";
import { ConfigError } from "../errors/config-error.js";
import type { AttemptEvent } from "../observe/attempt-event.js";
import type { Logger, LogLevel } from "../observe/log.js";
import { systemClock, type Clock } from "../request/clock.js";
import { checkAppIdIsNotToken } from "../request/app-id.js";
import { checkTokenOption, type TokenSource } from "../request/token.js";
import type { FetchLike } from "../request/transport.js";
import { resolveBaseUrl } from "./base-url.js";
import { headerRecord, REQUEST_SETTINGS, type RequestOptions, type RequestSettings } from "./call-options.js";
import { aFunction, failIf, hasMethods, nonEmptyString, rejectUnknownOptions, resolveSettings } from "./setting-checks.js";
import { resolveTraffic, TRAFFIC_OPTIONS, type ResolvedTraffic, type TrafficOptions } from "./traffic-options.js";

/** Options of `createHathoraClient`. */
export interface HathoraClientOptions extends RequestOptions, TrafficOptions {
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
   * How much is logged (see docs/logging-and-tracing.md).
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

const LOG_LEVELS: readonly LogLevel[] = ["off", "error", "warn", "info", "debug"];
const logLevel = (value: unknown) => (LOG_LEVELS.includes(value as LogLevel) ? undefined : `must be one of ${LOG_LEVELS.map((level) => `"${level}"`).join(", ")}`);

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
  ...TRAFFIC_OPTIONS,
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
  /** The retry budget, concurrency limit and shared rate limiter. */
  traffic: ResolvedTraffic;
}

/** Checks every option of `createHathoraClient` and fills in the defaults; ConfigError if one is wrong. */
export function resolveClientOptions(options: HathoraClientOptions): ResolvedClientOptions {
  if (typeof options !== "object" || options === null) {
    throw new ConfigError("createHathoraClient expects an options object with at least a token");
  }
  rejectUnknownOptions(options, (name) => Object.hasOwn(CLIENT_OPTIONS, name), Object.keys(CLIENT_OPTIONS), "createHathoraClient");
  const { token, appId, baseUrl = "https://api.hathora.dev", fetch, userAgent, logger, logLevel: level, onAttempt, clock = systemClock } = options;
  checkTokenOption(token);
  if (typeof token === "string") checkAppIdIsNotToken(appId, token, "createHathoraClient");
  if (appId !== undefined) failIf(nonEmptyString(appId), "appId", appId, "createHathoraClient");
  const base = resolveBaseUrl(baseUrl);
  if (userAgent !== undefined) failIf(nonEmptyString(userAgent), "userAgent", userAgent, "createHathoraClient");
  if (fetch !== undefined ? typeof fetch !== "function" : typeof globalThis.fetch !== "function") {
    throw new ConfigError("createHathoraClient: no fetch available: pass createHathoraClient({ fetch }), a function taking a Request");
  }
  if (logger !== undefined) failIf(hasMethods("error", "warn", "info", "debug")(logger), "logger", logger, "createHathoraClient");
  if (level !== undefined) failIf(logLevel(level), "logLevel", level, "createHathoraClient");
  if (onAttempt !== undefined) failIf(aFunction(onAttempt), "onAttempt", onAttempt, "createHathoraClient");
  failIf(hasMethods("now", "setTimeout", "clearTimeout")(clock), "clock", clock, "createHathoraClient");
  const settings = resolveSettings(REQUEST_SETTINGS, options, "createHathoraClient");
  const traffic = resolveTraffic(options, "createHathoraClient");
  return { token, appId, baseUrl: base, headers: clientHeaders(options), fetch, settings, logLevel: level, logger, onAttempt, clock, traffic };
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
