import { describeRequest, RequestError, type RequestErrorInit } from "./request-error.js";

/** What a ConnectionError is built from. */
export interface ConnectionErrorInit extends RequestErrorInit {
  /** The system error code found under `cause`, such as `ECONNREFUSED`, when there is one. */
  code: string | undefined;
  /** False only when the failure proves the request never reached the server. */
  mayHaveReachedServer: boolean;
}

/**
 * No complete response came back: the connection was refused or reset (before the headers or
 * while the body was read), or the host did not resolve.
 */
export class ConnectionError extends RequestError {
  /** "ConnectionError", or "ConnectionTimeoutError" for the subclass. */
  override name: "ConnectionError" | "ConnectionTimeoutError" = "ConnectionError";
  /** The system error code found under `cause`, such as `ECONNREFUSED`, when there is one. */
  readonly code: string | undefined;
  /**
   * False only when the failure proves the request never reached the server (refused
   * connection, unknown host); true when it may have been received and acted on.
   */
  readonly mayHaveReachedServer: boolean;

  /** `message` is for subclasses; a ConnectionError writes its own from `init`. */
  constructor(init: ConnectionErrorInit, message?: string) {
    super(init, message ?? `Connection failed: ${describeRequest(init)}: ${reason(init)}`);
    this.code = init.code;
    this.mayHaveReachedServer = init.mayHaveReachedServer;
  }
}

function reason({ cause, code }: ConnectionErrorInit): string {
  const text = cause instanceof Error ? cause.message : String(cause);
  return code && !text.includes(code) ? `${text} (${code})` : text;
}
