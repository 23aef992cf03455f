import { ConnectionError } from "./connection-error.js";
import { describeRequest, type RequestErrorInit } from "./request-error.js";

/**
 * One attempt got no complete response (headers and the whole body) within the call's
 * `timeoutMs`: a limit on the whole attempt, not only on connecting. The request may have
 * reached the server. Its `name` is not the "TimeoutError" of the DOMException that an
 * `AbortSignal.timeout` of your own rejects with, so the two can be told apart.
 */
export class ConnectionTimeoutError extends ConnectionError {
  /** Always "ConnectionTimeoutError". */
  override name = "ConnectionTimeoutError" as const;
  /** The per-attempt time limit that ran out, in milliseconds. */
  readonly timeoutMs: number;

  constructor(init: Omit<RequestErrorInit, "cause"> & { timeoutMs: number }) {
    const message = `${init.operationId} timed out: no complete response within ${init.timeoutMs} ms: ${describeRequest(init)} (attempt ${init.attempts})`;
    super({ ...init, code: undefined, mayHaveReachedServer: true }, message);
    this.timeoutMs = init.timeoutMs;
  }
}
