// One HTTP exchange for one operation: send through openapi-fetch, read the whole body under
// the attempt's time limit, and turn the outcome into a value or a typed error.
import type { Client } from "openapi-fetch";
import type { paths } from "../generated/schema.js";
import { createApiError } from "./errors/api-error.js";
import { ConfigError } from "./errors/config-error.js";
import { ConnectionError } from "./errors/connection-error.js";
import type { HathoraError } from "./errors/hathora-error.js";
import { describeRequest } from "./errors/request-info.js";
import { ResponseError } from "./errors/response-error.js";
import { TimeoutError } from "./errors/timeout-error.js";
import { classifyFetchFailure } from "./fetch-failure.js";
import { toFetchArguments, type LightRequest } from "./light-request.js";
import type { Sender } from "./redirects.js";
import { redact, redactDeep } from "./redact.js";
import { parseRetryAfter } from "./retry-after.js";
import { statusText } from "./status-text.js";

export interface AttemptRequest {
  operationId: string;
  method: "GET" | "POST";
  path: string;
  response: "json" | "empty";
  params: { path: Record<string, string>; query: Record<string, unknown> };
  headers: Record<string, string> | undefined;
  token: string;
  timeoutMs: number;
  signal: AbortSignal | undefined;
  attempt: number;
}

export type AttemptResult = { ok: true; value: unknown } | { ok: false; error: HathoraError };

// openapi-fetch's `request` is typed per path and method; this layer is generic over both, and
// the wrappers above it carry the precise types, derived from the same generated `operations`.
type UntypedRequest = (method: string, path: string, init: Record<string, unknown>) =>
  Promise<{ data?: unknown; error?: unknown; response: Response }>;

const BODY_LIMIT = 2000;

export async function attempt(client: Client<paths>, sender: Sender, req: AttemptRequest): Promise<AttemptResult> {
  // A controller and a timer that is cleared at once: measurably cheaper per call than
  // AbortSignal.timeout, whose timer lives on until the signal is garbage-collected.
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(), req.timeoutMs);
  const signal = req.signal ? AbortSignal.any([req.signal, deadline.signal]) : deadline.signal;
  let url: string | undefined;
  const info = () => ({ operationId: req.operationId, method: req.method, url: url ?? req.path, attempts: req.attempt });

  try {
    const { data, error, response } = await (client.request as unknown as UntypedRequest)(req.method, req.path, {
      params: req.params,
      headers: { ...req.headers, Authorization: `Bearer ${req.token}` },
      signal,
      parseAs: "text",
      fetch: (request: LightRequest) => {
        url = request.url;
        return sender(...toFetchArguments(request));
      },
    });
    return interpret(response, data, error, info, req);
  } catch (thrown) {
    if (req.signal?.aborted) throw req.signal.reason;
    if (url === undefined) {
      // fetch was never called: the request could not be built (a bad header, say).
      throw new ConfigError(`${req.operationId}: the request could not be built: ${redact(String(thrown), req.token)}`);
    }
    if (deadline.signal.aborted) {
      const message = `${req.operationId} timed out: no complete response within ${req.timeoutMs} ms: ${describeRequest(info())} (attempt ${req.attempt})`;
      return { ok: false, error: new TimeoutError(message, { ...info(), timeoutMs: req.timeoutMs }) };
    }
    const { code, mayHaveReachedServer } = classifyFetchFailure(thrown);
    const cause = thrown instanceof Error ? thrown : new Error(String(thrown));
    return { ok: false, error: new ConnectionError({ ...info(), code, mayHaveReachedServer, cause }) };
  } finally {
    clearTimeout(timer);
  }
}

function interpret(
  response: Response,
  data: unknown,
  errorBody: unknown,
  info: () => { operationId: string; method: string; url: string; attempts: number },
  req: AttemptRequest,
): AttemptResult {
  // Only errors carry the headers; a success does not pay for copying them.
  const headers = () => redactDeep(Object.fromEntries(response.headers), req.token);
  if (!response.ok) {
    const body =
      errorBody === "" ? undefined : typeof errorBody === "string" ? cut(redact(errorBody, req.token)) : redactDeep(errorBody, req.token);
    const retryAfterMs = parseRetryAfter(response.headers.get("retry-after"));
    const text = response.statusText || statusText(response.status);
    return { ok: false, error: createApiError({ ...info(), status: response.status, statusText: text, body, headers: headers(), retryAfterMs }) };
  }
  if (req.response === "empty") return { ok: true, value: undefined };

  const text = typeof data === "string" ? data : "";
  const fail = (problem: string, cause?: unknown) => {
    const body = cut(redact(text, req.token));
    return { ok: false as const, error: new ResponseError(problem, { ...info(), status: response.status, headers: headers(), body, cause }) };
  };
  const contentType = response.headers.get("content-type") ?? "";
  if (!/^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i.test(contentType)) {
    return fail(`expected a JSON body, got ${contentType ? `content type ${contentType}` : "no content type"}`);
  }
  if (text === "") return fail("expected a JSON body, got an empty body");
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (parseError) {
    return fail(`invalid JSON body: ${(parseError as Error).message}`, parseError);
  }
}

function cut(text: string): string {
  return text.length > BODY_LIMIT ? `${text.slice(0, BODY_LIMIT)}… (${text.length} characters)` : text;
}
