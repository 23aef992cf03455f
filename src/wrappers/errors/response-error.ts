import { describeRequest, RequestError, type RequestErrorInit } from "./request-error.js";

export interface ResponseErrorInit extends RequestErrorInit {
  /** What is wrong with the body, e.g. "invalid JSON body: …". */
  problem: string;
  status: number;
  headers: Record<string, string>;
  /** The body text, cut to a sane length. */
  body: string;
}

/**
 * A success status came with a body the spec does not allow: not JSON, invalid JSON, or none
 * where one was promised. The server may have acted on the request.
 */
export class ResponseError extends RequestError {
  override name = "ResponseError" as const;
  readonly status: number;
  readonly headers: Record<string, string>;
  /** The body text, cut to a sane length. */
  readonly body: string;

  constructor(init: ResponseErrorInit) {
    super(init, `${init.status} response to ${describeRequest(init)}: ${init.problem}`);
    this.status = init.status;
    this.headers = init.headers;
    this.body = init.body;
  }
}
