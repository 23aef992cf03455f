const REDACTED = "[REDACTED]";

/** `text` with every occurrence of `secret` replaced. */
export function redact(text: string, secret: string | undefined): string {
  return secret ? text.split(secret).join(REDACTED) : text;
}

/** A copy of a JSON-like value with `redact` applied to every string in it. */
export function redactDeep<T>(value: T, secret: string | undefined): T {
  if (!secret) return value;
  if (typeof value === "string") return redact(value, secret) as T;
  if (Array.isArray(value)) return value.map((item) => redactDeep(item, secret)) as T;
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, redactDeep(item, secret)])) as T;
  }
  return value;
}

// The fields of a system or undici error worth keeping on a copy.
const KEPT_FIELDS = ["code", "errno", "syscall", "address", "port", "hostname"] as const;

/** The token in an `Authorization: Bearer <token>` header, if there is one. */
export function bearerToken(headers: RequestInit["headers"]): string | undefined {
  return /^Bearer (.+)$/.exec(new Headers(headers).get("authorization") ?? "")?.[1];
}

/**
 * A copy of an error from a user's `fetch`, for use as `cause`: name, message, stack and the
 * system fields, with the secret redacted, and nothing else. Such a `fetch` may attach the
 * request (with its Authorization header) to its errors; a copy cannot carry it along.
 */
export function sanitizeCause(error: unknown, secret: string | undefined, depth = 0): Error {
  if (!(error instanceof Error)) return new Error(redact(String(error), secret));
  const copy = new Error(redact(error.message, secret));
  copy.name = error.name;
  copy.stack = redact(error.stack ?? "", secret);
  const source = error as unknown as Record<string, unknown>;
  const target = copy as unknown as Record<string, unknown>;
  for (const field of KEPT_FIELDS) {
    const value = source[field];
    if (typeof value === "string") target[field] = redact(value, secret);
    else if (typeof value === "number") target[field] = value;
  }
  if (error.cause !== undefined && depth < 4) copy.cause = sanitizeCause(error.cause, secret, depth + 1);
  return copy;
}
