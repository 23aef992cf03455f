import { describeRequest, RequestError, requestIdIn, type RequestErrorInit } from "./request-error.js";

/** What a ResponseError is built from. */
export interface ResponseErrorInit extends RequestErrorInit {
  /** What is wrong with the body, e.g. "invalid JSON body: …". */
  problem: string;
  /** The HTTP status (a success status). */
  status: number;
  /** The response's headers, lower-case names. */
  headers: Record<string, string>;
  /** The body text, cut to a sane length. */
  body: string;
}

/**
 * A success status came with a body the spec does not allow: not JSON, invalid JSON, or none
 * where one was promised. The server may have acted on the request.
 */
export class ResponseError extends RequestError {
  /** Always "ResponseError". */
  override name = "ResponseError" as const;
  /** The HTTP status (a success status). */
  readonly status: number;
  /** The response's headers, lower-case names. */
  readonly headers: Record<string, string>;
  /** The body text, cut to a sane length. */
  readonly body: string;
  /** The server's request id, from `x-request-id` or `request-id`, when it sent one: quote it to support. */
  readonly requestId: string | undefined;

  constructor(init: ResponseErrorInit) {
    super(init, `${init.status} response to ${describeRequest(init)}: ${init.problem}`);
    this.status = init.status;
    this.headers = init.headers;
    this.body = init.body;
    this.requestId = requestIdIn(init.headers);
  }
}
