// Codes that prove the request never reached the server: no connection was made, or the
// host name did not resolve. Anything else (a reset, a closed socket) may come after the
// server received the request.
const NEVER_SENT = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "ENETUNREACH",
  "EHOSTUNREACH",
  "EADDRNOTAVAIL",
  "UND_ERR_CONNECT_TIMEOUT",
]);

/** The system error code under a failed `fetch` (undici nests it in `cause`, sometimes in an AggregateError). */
export function classifyFetchFailure(error: unknown): { code: string | undefined; mayHaveReachedServer: boolean } {
  const codes: string[] = [];
  collectCodes(error, codes, 0);
  return { code: codes[0], mayHaveReachedServer: codes.length === 0 || !codes.every((candidate) => NEVER_SENT.has(candidate)) };
}

function collectCodes(error: unknown, codes: string[], depth: number): void {
  if (typeof error !== "object" || error === null || depth > 5) return;
  const { code, cause, errors } = error as { code?: unknown; cause?: unknown; errors?: unknown };
  if (typeof code === "string") codes.push(code);
  if (Array.isArray(errors)) for (const inner of errors) collectCodes(inner, codes, depth + 1);
  collectCodes(cause, codes, depth + 1);
}
