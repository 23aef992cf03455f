import { HathoraError } from "./hathora-error.js";

/** Which request an error is about. Never holds headers, so never the token. */
export interface RequestErrorInit {
  operationId: string;
  method: string;
  /** The full URL that was requested. */
  url: string;
  /** How many attempts were made, retries included. */
  attempts: number;
  cause?: unknown;
}

/**
 * Base of the errors that carry a request: ApiError, ConnectionError (and its
 * ConnectionTimeoutError) and ResponseError. Each subclass writes its own message.
 */
export class RequestError extends HathoraError {
  override name: string = "RequestError";
  readonly operationId: string;
  readonly method: string;
  readonly url: string;
  readonly attempts: number;

  constructor(init: RequestErrorInit, message: string) {
    super(message, { cause: init.cause });
    this.operationId = init.operationId;
    this.method = init.method;
    this.url = init.url;
    this.attempts = init.attempts;
  }
}

/** `GET /processes/v3/apps/app-1/processes/p-1`: the part of a message that names the request. */
export function describeRequest({ method, url }: Pick<RequestErrorInit, "method" | "url">): string {
  try {
    const { pathname, search } = new URL(url);
    return `${method} ${pathname}${search}`;
  } catch {
    return `${method} ${url}`;
  }
}
