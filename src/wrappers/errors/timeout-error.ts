import { HathoraError } from "./hathora-error.js";

/**
 * The client's own time limit ran out: one request attempt (`timeoutMs`), or a wait for a
 * process to reach a status (`waitForProcess`).
 */
export class TimeoutError extends HathoraError {
  override name = "TimeoutError" as const;
  readonly operationId: string;
  readonly timeoutMs: number;
  readonly method: string | undefined;
  readonly url: string | undefined;
  readonly attempts: number | undefined;

  constructor(message: string, info: { operationId: string; timeoutMs: number; method?: string; url?: string; attempts?: number }) {
    super(message);
    this.operationId = info.operationId;
    this.timeoutMs = info.timeoutMs;
    this.method = info.method;
    this.url = info.url;
    this.attempts = info.attempts;
  }
}
