import { HathoraError } from "./hathora-error.js";

/**
 * The client's own time limit ran out: one request attempt (`timeoutMs` of a call), or the
 * whole wait of `waitForProcess`, which also tells the last process it saw.
 */
export class TimeoutError extends HathoraError {
  override name = "TimeoutError" as const;
  readonly operationId: string;
  readonly timeoutMs: number;
  readonly method: string | undefined;
  readonly url: string | undefined;
  readonly attempts: number | undefined;
  /** waitForProcess: the last process seen, undefined if none was found yet. */
  readonly lastProcess: { processId: string; status: string } | undefined;
  /** waitForProcess: the status of `lastProcess`. */
  readonly lastStatus: string | undefined;

  constructor(
    message: string,
    info: {
      operationId: string;
      timeoutMs: number;
      method?: string;
      url?: string;
      attempts?: number;
      lastProcess?: { processId: string; status: string } | undefined;
    },
  ) {
    super(message);
    this.operationId = info.operationId;
    this.timeoutMs = info.timeoutMs;
    this.method = info.method;
    this.url = info.url;
    this.attempts = info.attempts;
    this.lastProcess = info.lastProcess;
    this.lastStatus = info.lastProcess?.status;
  }
}
