// Where every error about a request is built, and the one place the token is taken out of what
// it carries (as octokit's RequestError does): attempt.ts hands over what it has, raw, and
// nothing leaves here with the token in it: not the URL, the headers, the body, the message
// (written from those, so its stack too) nor the cause.
import { parseRetryAfter } from "../request/retry-after.js";
import { statusText } from "./status-text.js";
import type { HiddenAppId } from "../request/app-id.js";
import { redactor, type Redactor } from "../request/token.js";
import { createApiError } from "./api-error.js";
import { ConnectionError } from "./connection-error.js";
import { ConnectionTimeoutError } from "./connection-timeout-error.js";
import { addNote, lostCreateNote } from "./error-notes.js";
import type { RequestError, RequestErrorInit } from "./request-error.js";
import { ResponseError } from "./response-error.js";

/** The request an error is about, with the token it was sent with (never kept on the error). */
export interface FailedRequest extends Omit<RequestErrorInit, "cause"> {
  token: string;
  /** An appId that looks like a secret, hidden like the token (request/app-id.ts). */
  hiddenAppId?: HiddenAppId | undefined;
  /** False for createProcess: a failure that may have reached the server then says what that means. */
  idempotent: boolean;
}

/** What went wrong, as the attempt saw it. */
export type Failure =
  /** An error status; `body` is the whole body text. */
  | { kind: "status"; response: Response; body: string }
  /** A success status with a body the spec does not allow. */
  | { kind: "body"; response: Response; body: string; problem: string }
  /** No complete response within the attempt's time limit. */
  | { kind: "timeout"; timeoutMs: number }
  /**
   * No response. `copyCause`: the error came from the user's `fetch`, which may attach the
   * request (token included), so the cause is a copy without it.
   */
  | { kind: "connection"; error: unknown; copyCause: boolean; code: string | undefined; mayHaveReachedServer: boolean };

// An error body is kept for debugging, not archived: a proxy's HTML page can be megabytes.
const BODY_LIMIT = 2000;

/** The typed error of a failed attempt, without the token. */
export function buildRequestError(request: FailedRequest, failure: Failure): RequestError {
  const redact = redactor(request.token, request.hiddenAppId);
  const about: RequestErrorInit = { operationId: request.operationId, method: request.method, url: redact.text(request.url), attempts: request.attempts };
  switch (failure.kind) {
    case "status": {
      const { response, body } = failure;
      const headers = redact.headers(Object.fromEntries(response.headers));
      return createApiError({
        ...about,
        status: response.status,
        statusText: response.statusText || statusText(response.status),
        body: body === "" ? undefined : errorBody(body, redact),
        headers,
        retryAfterMs: parseRetryAfter(response.headers.get("retry-after")),
      });
    }
    case "body": {
      const { response, body, problem } = failure;
      const headers = redact.headers(Object.fromEntries(response.headers));
      return new ResponseError({ ...about, problem, status: response.status, headers, body: cut(redact.text(body)) });
    }
    case "timeout":
      return lostCreate(about, request.idempotent, new ConnectionTimeoutError({ ...about, timeoutMs: failure.timeoutMs }));
    case "connection": {
      const { error, copyCause, code, mayHaveReachedServer } = failure;
      // The platform's own errors never carry the request's headers and are kept as they are,
      // unless the appId is hidden: some (Deno's) quote the URL.
      const cause = copyCause || request.hiddenAppId ? redact.error(error) : error instanceof Error ? error : new Error(String(error));
      return lostCreate(about, request.idempotent, new ConnectionError({ ...about, code, mayHaveReachedServer, cause }));
    }
  }
}

/** A create that may have reached the server says what that means: a billed process may exist. */
function lostCreate(about: RequestErrorInit, idempotent: boolean, error: ConnectionError): ConnectionError {
  if (!idempotent && error.mayHaveReachedServer) addNote(error, lostCreateNote(about.operationId, about.url));
  return error;
}

/** An error body: parsed when it is JSON (whatever the content type says), its text otherwise. */
function errorBody(text: string, redact: Redactor): unknown {
  try {
    return redact.json(JSON.parse(text) as unknown);
  } catch {
    return cut(redact.text(text));
  }
}

function cut(text: string): string {
  return text.length > BODY_LIMIT ? `${text.slice(0, BODY_LIMIT)}… (${text.length} characters)` : text;
}
