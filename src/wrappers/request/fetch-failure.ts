// Did a failed `fetch` send the request? Only a failure that proves it did not (no connection
// was made, the host name did not resolve) lets createProcess be retried. Each runtime says so
// its own way:
// - Node (undici): `TypeError: fetch failed` whose `cause` (sometimes an AggregateError) has a
//   system `code` such as ECONNREFUSED.
// - Bun: the `code` on the error itself: `ECONNREFUSED` in Bun 1.4, `ConnectionRefused` in 1.2
//   and 1.3 (`Unable to connect. Is the computer able to access the url?`).
// - Deno: no code, but the cause's message names hyper's phase:
//   `error sending request for url (...): client error (Connect): tcp connect error: Connection
//   refused (os error 111)`. The Connect phase (DNS, TCP, TLS) ends before a byte of the request
//   is written; a failure after it reads `client error (SendRequest)`.
// - Browsers (`Failed to fetch`) and Cloudflare workerd (`Network connection lost.`) say the
//   same thing for a refused connection as for a reset after sending, so their failures stay
//   "may have reached the server": the safe choice for createProcess.

// Codes that prove the request never reached the server. Anything else (a reset, a closed
// socket) may come after the server received the request.
const NEVER_SENT = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "ENETUNREACH",
  "EHOSTUNREACH",
  "EADDRNOTAVAIL",
  "UND_ERR_CONNECT_TIMEOUT",
  "ConnectionRefused", // Bun before 1.4
]);

const DENO_CONNECT_PHASE = /\bclient error \(Connect\)/;
// The code that Node would report for the same failure, so `ConnectionError.code` reads alike.
const DENO_CONNECT_CODES: ReadonlyArray<[RegExp, string]> = [
  [/Connection refused/i, "ECONNREFUSED"],
  [/\bdns error\b/i, "ENOTFOUND"],
  [/Network is unreachable/i, "ENETUNREACH"],
  [/No route to host/i, "EHOSTUNREACH"],
];

/** The system error code under a failed `fetch`, and whether the request may have been sent. */
export function classifyFetchFailure(error: unknown): { code: string | undefined; mayHaveReachedServer: boolean } {
  const found: Array<{ code: string | undefined; neverSent: boolean }> = [];
  collect(error, found, 0);
  return { code: found.find((entry) => entry.code !== undefined)?.code, mayHaveReachedServer: found.length === 0 || !found.every((entry) => entry.neverSent) };
}

function collect(error: unknown, found: Array<{ code: string | undefined; neverSent: boolean }>, depth: number): void {
  if (typeof error !== "object" || error === null || depth > 5) return;
  const { code, cause, errors, message } = error as { code?: unknown; cause?: unknown; errors?: unknown; message?: unknown };
  if (typeof code === "string") {
    found.push({ code, neverSent: NEVER_SENT.has(code) });
  } else if (typeof message === "string" && DENO_CONNECT_PHASE.test(message)) {
    found.push({ code: DENO_CONNECT_CODES.find(([pattern]) => pattern.test(message))?.[1], neverSent: true });
  }
  if (Array.isArray(errors)) for (const inner of errors) collect(inner, found, depth + 1);
  collect(cause, found, depth + 1);
}
