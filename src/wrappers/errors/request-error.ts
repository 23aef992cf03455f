import { HathoraError } from "./hathora-error.js";

/** Which request an error is about. Never holds headers, so never the token. */
export interface RequestErrorInit {
  /** The operationId of openapi.yaml, such as `GetProcess`. */
  operationId: string;
  /** The HTTP method, upper case. */
  method: string;
  /** The full URL that was requested. */
  url: string;
  /** How many attempts were made, retries included. */
  attempts: number;
  /** What caused the error, when something did (a connection failure, say). */
  cause?: unknown;
}

/**
 * Base of the errors that carry a request: ApiError, ConnectionError (and its
 * ConnectionTimeoutError) and ResponseError. Each subclass writes its own message.
 */
export class RequestError extends HathoraError {
  /** The class of the error: one of the subclasses' names. */
  override name: string = "RequestError";
  /** The operationId of openapi.yaml, such as `GetProcess`. */
  readonly operationId: string;
  /** The HTTP method, upper case. */
  readonly method: string;
  /** The full URL that was requested (the message shows at most 500 characters of it). */
  readonly url: string;
  /** How many attempts were made, retries included. */
  readonly attempts: number;

  constructor(init: RequestErrorInit, message: string) {
    super(bounded(message), { cause: init.cause });
    this.operationId = init.operationId;
    this.method = init.method;
    this.url = init.url;
    this.attempts = init.attempts;
  }
}

// A message is read by people and copied into logs: a few kB at most, however long the URL
// (10,000 status filters make a 150 kB one) or the server's message. The whole URL stays on
// `error.url`, the whole body on `error.body`.
const URL_IN_MESSAGE_LIMIT = 500;
const MESSAGE_LIMIT = 4000;

function bounded(message: string): string {
  return message.length > MESSAGE_LIMIT ? `${message.slice(0, MESSAGE_LIMIT)}… (message cut from ${message.length} characters)` : message;
}

/** The server's request id among an error's response headers (lower-case names), when it sent one. */
export function requestIdIn(headers: Record<string, string>): string | undefined {
  return headers["x-request-id"] ?? headers["request-id"];
}

/**
 * `GET /processes/v3/apps/app-1/processes/p-1`: the part of a message that names the request,
 * its path and query cut to 500 characters (the whole URL is on `error.url`).
 */
export function describeRequest({ method, url }: Pick<RequestErrorInit, "method" | "url">): string {
  let target = url;
  try {
    const { pathname, search } = new URL(url);
    target = `${pathname}${search}`;
  } catch {
    // Not a URL: shown as it is.
  }
  const shown = target.length > URL_IN_MESSAGE_LIMIT ? `${target.slice(0, URL_IN_MESSAGE_LIMIT)}… (${target.length} characters; see error.url)` : target;
  return `${method} ${shown}`;
}
