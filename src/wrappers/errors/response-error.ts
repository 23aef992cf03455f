import { HathoraError } from "./hathora-error.js";
import { describeRequest, type RequestInfo } from "./request-info.js";

/**
 * A success status came with a body the spec does not allow: not JSON, invalid JSON, or none
 * where one was promised. The server may have acted on the request.
 */
export class ResponseError extends HathoraError implements RequestInfo {
  override name = "ResponseError" as const;
  readonly status: number;
  readonly headers: Record<string, string>;
  /** The body text, cut to a sane length. */
  readonly body: string;
  readonly operationId: string;
  readonly method: string;
  readonly url: string;
  readonly attempts: number;

  constructor(problem: string, init: RequestInfo & { status: number; headers: Record<string, string>; body: string; cause?: unknown }) {
    super(`${init.status} response to ${describeRequest(init)}: ${problem}`, { cause: init.cause });
    this.status = init.status;
    this.headers = init.headers;
    this.body = init.body;
    this.operationId = init.operationId;
    this.method = init.method;
    this.url = init.url;
    this.attempts = init.attempts;
  }
}
