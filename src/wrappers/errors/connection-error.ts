import { HathoraError } from "./hathora-error.js";
import { describeRequest, type RequestInfo } from "./request-info.js";

/** No response came back: the connection was refused, reset, or the host did not resolve. */
export class ConnectionError extends HathoraError implements RequestInfo {
  override name = "ConnectionError" as const;
  readonly operationId: string;
  readonly method: string;
  readonly url: string;
  readonly attempts: number;
  /** The system error code found under `cause`, such as `ECONNREFUSED`, when there is one. */
  readonly code: string | undefined;
  /**
   * False only when the failure proves the request never reached the server (refused
   * connection, unknown host); true when it may have been received and acted on.
   */
  readonly mayHaveReachedServer: boolean;

  constructor(info: RequestInfo & { code: string | undefined; mayHaveReachedServer: boolean; cause: Error }) {
    const reason = info.cause.message + (info.code && !info.cause.message.includes(info.code) ? ` (${info.code})` : "");
    super(`Connection failed: ${describeRequest(info)}: ${reason}`, { cause: info.cause });
    this.operationId = info.operationId;
    this.method = info.method;
    this.url = info.url;
    this.attempts = info.attempts;
    this.code = info.code;
    this.mayHaveReachedServer = info.mayHaveReachedServer;
  }
}
