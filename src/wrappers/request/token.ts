// The token is a secret: this file is the one place that checks it, resolves it, and keeps it
// out of everything the client hands back (error messages, bodies, headers, causes).
import { ConfigError } from "../errors/config-error.js";
import { hideAppId, type HiddenAppId } from "./app-id.js";

/** A token, or a function that returns one (called before every attempt, so it may rotate). */
export type TokenSource = string | (() => string | Promise<string>);

const REDACTED = "[REDACTED]";

/** Checks the `token` option at client creation; a function is checked on each call instead. */
export function checkTokenOption(token: unknown): asserts token is TokenSource {
  if (typeof token === "function") return;
  if (token === undefined || token === null || token === "") {
    throw new ConfigError("A Hathora developer token is required: createHathoraClient({ token })");
  }
  if (typeof token !== "string") {
    throw new ConfigError(`token must be a string or a function returning one, not ${typeof token}`);
  }
  checkTokenText(token);
}

/** The token to send now. Throws ConfigError (never quoting the token) when there is none. */
export async function resolveToken(source: TokenSource): Promise<string> {
  if (typeof source === "string") return source;
  let token: unknown;
  try {
    token = await source();
  } catch (error) {
    throw new ConfigError("The token function threw; no request was sent", { cause: error });
  }
  if (typeof token !== "string" || token === "") {
    throw new ConfigError("The token function returned no token; no request was sent");
  }
  checkTokenText(token);
  return token;
}

// `Headers` rejects such values with a message that quotes them, token included; say it first.
function checkTokenText(token: string): void {
  if (token.trim() === "") throw new ConfigError("The token is blank");
  // Sent as it is, " abc" is a different token and fails with a 401 that does not say why.
  if (token.trim() !== token) {
    throw new ConfigError("The token has whitespace around it (a stray space or line break, often from an environment file): pass token.trim()");
  }
  // The client writes "Bearer " itself: "Bearer Bearer xyz" would be a 401 that does not say why.
  if (/^bearer\s/i.test(token)) {
    throw new ConfigError('The token starts with "Bearer ": pass the token alone; the client sends `Authorization: Bearer <token>` itself');
  }
  if (/[^\x20-\x7e\t]/.test(token)) {
    throw new ConfigError("The token contains characters an HTTP header cannot carry (line breaks or non-ASCII)");
  }
}

// A token shorter than this cannot be told apart from ordinary text: "t", "test" or "abc123"
// occur inside words, header names and ids, and replacing them there mangles the message
// ("Process no[REDACTED] found"). Such a token (in practice a placeholder in tests: a real
// Hathora token is a JWT hundreds of characters long) is replaced only where it stands whole:
// a whole header value or JSON string, or after "Bearer ". From this length on, it is replaced
// wherever it occurs, as a secret must be.
const FREE_TEXT_MIN_LENGTH = 8;

/** Replaces one token in everything an error may carry; see `FREE_TEXT_MIN_LENGTH` for the rule. */
export interface Redactor {
  /** Free text: a message, a stack, a non-JSON body, a URL. */
  text(text: string): string;
  /** A value that stands on its own: a header value, a JSON string. */
  whole(value: string): string;
  /** A parsed JSON value: every string in it (keys included) redacted as a whole value. */
  json<T>(value: T): T;
  /** Header values redacted; header names never (they are the protocol's words, not data). */
  headers(headers: Record<string, string>): Record<string, string>;
  /** A copy of an error without the token: see `copyWithoutToken`. */
  error(error: unknown): Error;
}

/** The redactor of `token`, which also hides an appId that looks like a secret (app-id.ts). */
export function redactor(token: string, hidden?: HiddenAppId): Redactor {
  const anywhere = token.length >= FREE_TEXT_MIN_LENGTH;
  const bearer = new RegExp(`(Bearer\\s+)${token.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![\\w.~+/=-])`, "g");
  const withoutToken = (value: string): string => {
    if (anywhere) return value.includes(token) ? value.split(token).join(REDACTED) : value;
    if (value.trim() === token) return REDACTED;
    return value.includes(token) ? value.replace(bearer, `$1${REDACTED}`) : value;
  };
  const text = hidden ? (value: string) => hideAppId(withoutToken(value), hidden) : withoutToken;
  const whole = (value: string): string => (value === token ? REDACTED : text(value));
  const json = <T>(value: T): T => {
    if (typeof value === "string") return whole(value) as T;
    if (Array.isArray(value)) return value.map(json) as T;
    if (typeof value === "object" && value !== null) {
      return Object.fromEntries(Object.entries(value).map(([key, item]) => [whole(key), json(item)])) as T;
    }
    return value;
  };
  const headers = (values: Record<string, string>) => Object.fromEntries(Object.entries(values).map(([name, value]) => [name, whole(value)]));
  return { text, whole, json, headers, error: (error) => copyWithoutToken(error, text) };
}

// The fields of a system or undici error worth keeping on a copy.
const KEPT_FIELDS = ["code", "errno", "syscall", "address", "port", "hostname"] as const;

/**
 * A copy of an error thrown by a user's `fetch`, for use as `cause`: name, message, stack and
 * the system fields, with the token redacted, and nothing else. Such a `fetch` may attach the
 * request (with its Authorization header) to its errors; a copy cannot carry it along.
 */
export function copyWithoutToken(error: unknown, redact: (text: string) => string, depth = 0): Error {
  if (!(error instanceof Error)) return new Error(redact(String(error)));
  const copy = new Error(redact(error.message)) as Error & Record<string, unknown>;
  copy.name = error.name;
  copy.stack = redact(error.stack ?? "");
  for (const field of KEPT_FIELDS) {
    const value: unknown = (error as Error & Record<string, unknown>)[field];
    if (typeof value === "string") copy[field] = redact(value);
    else if (typeof value === "number") copy[field] = value;
  }
  if (error.cause !== undefined && depth < 4) copy.cause = copyWithoutToken(error.cause, redact, depth + 1);
  return copy;
}
