// The token is a secret: this file is the one place that checks it, resolves it, and keeps it
// out of everything the client hands back (error messages, bodies, headers, causes).
import { ConfigError } from "./errors/config-error.js";
import type { TokenSource } from "./options.js";

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
  if (/[^\x20-\x7e\t]/.test(token)) {
    throw new ConfigError("The token contains characters an HTTP header cannot carry (line breaks or non-ASCII)");
  }
}

/** `text` with every occurrence of `token` replaced. */
export function redact(text: string, token: string): string {
  return text.includes(token) ? text.split(token).join(REDACTED) : text;
}

/** A copy of a JSON-like value with `redact` applied to every string in it, keys included. */
export function redactDeep<T>(value: T, token: string): T {
  if (typeof value === "string") return redact(value, token) as T;
  if (Array.isArray(value)) return value.map((item) => redactDeep(item, token)) as T;
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [redact(key, token), redactDeep(item, token)])) as T;
  }
  return value;
}

// The fields of a system or undici error worth keeping on a copy.
const KEPT_FIELDS = ["code", "errno", "syscall", "address", "port", "hostname"] as const;

/**
 * A copy of an error thrown by a user's `fetch`, for use as `cause`: name, message, stack and
 * the system fields, with the token redacted, and nothing else. Such a `fetch` may attach the
 * request (with its Authorization header) to its errors; a copy cannot carry it along.
 */
export function copyWithoutToken(error: unknown, token: string, depth = 0): Error {
  if (!(error instanceof Error)) return new Error(redact(String(error), token));
  const copy = new Error(redact(error.message, token)) as Error & Record<string, unknown>;
  copy.name = error.name;
  copy.stack = redact(error.stack ?? "", token);
  for (const field of KEPT_FIELDS) {
    const value: unknown = (error as Error & Record<string, unknown>)[field];
    if (typeof value === "string") copy[field] = redact(value, token);
    else if (typeof value === "number") copy[field] = value;
  }
  if (error.cause !== undefined && depth < 4) copy.cause = copyWithoutToken(error.cause, token, depth + 1);
  return copy;
}
