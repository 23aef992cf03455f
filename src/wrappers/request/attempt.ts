// One attempt of one operation: build the request, send it under the attempt's time limit,
// read the whole body, and return the value with its response or throw the typed error it
// amounts to.
import type { QuerySerializer } from "openapi-fetch";
import { linkSignal } from "./abort-link.js";
import type { HiddenAppId } from "./app-id.js";
import type { AttemptExchange } from "../observe/attempt-event.js";
import type { Clock } from "./clock.js";
import { buildRequestError, type FailedRequest, type Failure } from "../errors/build-request-error.js";
import { ConfigError } from "../errors/config-error.js";
import { HathoraError } from "../errors/hathora-error.js";
import { compiledOperation, fillPath } from "./compiled-operation.js";
import { classifyFetchFailure } from "./fetch-failure.js";
import { checkUrlLength } from "./url-limit.js";
import type { OperationSpec } from "../operation-types.js";
import type { Transport } from "./transport.js";

/** What every attempt of a client shares. */
export interface AttemptContext {
  baseUrl: string;
  /** The client's headers, with lower-case names. */
  headers: Readonly<Record<string, string>>;
  querySerializer: QuerySerializer<unknown>;
  transport: Transport;
  /**
   * True when the user gave a fetch: its errors may carry the request, token included, so a
   * ConnectionError's `cause` is a copy without it. The platform's errors never carry headers
   * and are kept as they are.
   */
  copyFetchErrors: boolean;
  /** Runs the attempt's time limit. */
  clock: Clock;
  /** The client's headers with the last token sent, made once per token (`withToken`). */
  tokenHeaders?: { token: string; headers: Readonly<Record<string, string>> } | undefined;
}

export interface AttemptRequest {
  operationId: string;
  spec: OperationSpec;
  /** The call's URL, built once by `buildUrl` for all its attempts. */
  url: string;
  /** The call's appId when it looks like a secret: errors never show it (app-id.ts). */
  hiddenAppId: HiddenAppId | undefined;
  callHeaders: Record<string, string> | undefined;
  token: string;
  timeoutMs: number;
  signal: AbortSignal | undefined;
  /** Which attempt this is, from 1. */
  attempt: number;
}

/** A successful attempt: the parsed body (undefined for 204) and the response it came in. */
export interface AttemptResult {
  data: unknown;
  /** The response, its body already read. */
  response: Response;
}

const JSON_CONTENT_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;

/**
 * Sends one attempt. When `exchange` is given (someone observes the client), the request's and
 * response's headers are left on it, also when the attempt fails.
 */
export async function attempt(context: AttemptContext, request: AttemptRequest, exchange?: AttemptExchange): Promise<AttemptResult> {
  const { spec, signal, url } = request;
  const init = buildInit(context, request);
  if (exchange) exchange.requestHeaders = init.headers;

  // The caller's signal is linked, not combined with AbortSignal.any (see abort-link.ts); the
  // time limit is a timer cleared at once, cheaper per call than AbortSignal.timeout.
  const controller = new AbortController();
  const unlink = linkSignal(signal, controller);
  const { clock } = context;
  const timer = clock.setTimeout(() => controller.abort(), request.timeoutMs);
  init.signal = controller.signal;
  try {
    const response = await context.transport(url, init);
    if (exchange) exchange.responseHeaders = response.headers;
    if (!response.ok) throw failed(request, { kind: "status", response, body: await response.text() });
    if (spec.response === "empty") {
      await response.body?.cancel();
      return { data: undefined, response };
    }
    const text = await response.text();
    const contentType = response.headers.get("content-type") ?? "";
    if (!JSON_CONTENT_TYPE.test(contentType)) {
      throw failed(request, { kind: "body", response, body: text, problem: `expected a JSON body, got ${contentType ? `content type ${contentType}` : "no content type"}` });
    }
    if (text === "") throw failed(request, { kind: "body", response, body: text, problem: "expected a JSON body, got an empty body" });
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (parseError) {
      // Not the parser's own message: it quotes the text around the error, which may hold part
      // of the token (an echoing server) that no redaction can recognise.
      throw failed(request, { kind: "body", response, body: text, problem: `invalid JSON body${jsonErrorPosition(parseError)}` });
    }
    return { data, response };
  } catch (thrown) {
    if (thrown instanceof HathoraError) throw thrown; // the ApiError or ResponseError above
    if (signal?.aborted) throw signal.reason;
    if (controller.signal.aborted) throw failed(request, { kind: "timeout", timeoutMs: request.timeoutMs });
    throw failed(request, { kind: "connection", error: thrown, copyCause: context.copyFetchErrors, ...classifyFetchFailure(thrown) });
  } finally {
    clock.clearTimeout(timer);
    unlink();
  }
}

/**
 * A call's URL, the same for every attempt: the path template filled in (compiled once per
 * operation), and the query serialized by openapi-fetch when there is one.
 */
export function buildUrl(context: AttemptContext, operationId: string, spec: OperationSpec, pathParams: Record<string, string>, query: Record<string, unknown>): string {
  let url: string;
  try {
    url = context.baseUrl + fillPath(compiledOperation(spec), pathParams);
    let search = "";
    for (const _ in query) {
      search = context.querySerializer(query);
      break;
    }
    if (search !== "") url += `?${search}`;
  } catch (error) {
    // encodeURIComponent rejects a lone surrogate.
    throw new ConfigError(`${operationId}: the request could not be built: ${String(error)}`);
  }
  checkUrlLength(operationId, url, query);
  return url;
}

/** The init of one attempt: its headers carry the token of the moment. */
function buildInit(context: AttemptContext, request: AttemptRequest): RequestInit {
  try {
    return { method: request.spec.method, headers: requestHeaders(context, request.callHeaders, request.token) };
  } catch (error) {
    // Headers rejects a value with a line break, quoting it: one of the user's headers, never
    // the token, whose text token.ts has already checked.
    throw new ConfigError(`${request.operationId}: the request could not be built: ${String(error)}`);
  }
}

/** " at position N" from a JSON.parse error, when it says so. */
function jsonErrorPosition(error: unknown): string {
  const position = /position (\d+)/.exec(String(error))?.[1];
  return position === undefined ? "" : ` at position ${position}`;
}

/** The error of this attempt, built (and the token taken out of it) by buildRequestError. */
function failed(request: AttemptRequest, failure: Failure): HathoraError {
  const about: FailedRequest = { operationId: request.operationId, method: request.spec.method, url: request.url, attempts: request.attempt, token: request.token, hiddenAppId: request.hiddenAppId, idempotent: request.spec.idempotent };
  return buildRequestError(about, failure);
}

/**
 * The client's headers, this call's over them (whatever the case of their names), and the token
 * over both. Without call headers the object is the client's, made once per token.
 */
function requestHeaders(context: AttemptContext, call: Record<string, string> | undefined, token: string): Record<string, string> {
  if (call === undefined) return withToken(context, token);
  const merged = new Headers(context.headers);
  for (const name in call) merged.set(name, call[name] as string);
  merged.set("authorization", `Bearer ${token}`);
  return Object.fromEntries(merged);
}

/** The client's headers with `Authorization: Bearer <token>`, kept while the token stays the same. */
function withToken(context: AttemptContext, token: string): Record<string, string> {
  const cached = context.tokenHeaders;
  if (cached?.token === token) return cached.headers;
  const headers = Object.freeze({ ...context.headers, authorization: `Bearer ${token}` });
  context.tokenHeaders = { token, headers };
  return headers;
}
