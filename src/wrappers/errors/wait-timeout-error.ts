import type { ProcessV2, ProcessV3 } from "../types.js";
import { HathoraError } from "./hathora-error.js";

/** `waitForProcess` reached its `waitTimeoutMs` deadline before the process reached `until`. */
export class WaitTimeoutError<P extends ProcessV2 | ProcessV3 = ProcessV2 | ProcessV3> extends HathoraError {
  override name = "WaitTimeoutError" as const;
  readonly processId: string;
  readonly until: string;
  readonly waitTimeoutMs: number;
  /** The last process seen, undefined if it was not found yet. */
  readonly lastProcess: P | undefined;
  /** The status of `lastProcess`: possibly one this version of the client does not know. */
  readonly lastStatus: P["status"] | undefined;

  constructor(init: { processId: string; until: string; waitTimeoutMs: number; lastProcess: P | undefined }) {
    const { processId, until, waitTimeoutMs, lastProcess } = init;
    const seen = lastProcess ? `process ${processId} is still "${lastProcess.status}"` : `process ${processId} was not found yet`;
    super(`waitForProcess timed out after ${waitTimeoutMs} ms: ${seen}, waiting for "${until}"`);
    this.processId = processId;
    this.until = until;
    this.waitTimeoutMs = waitTimeoutMs;
    this.lastProcess = lastProcess;
    this.lastStatus = lastProcess?.status;
  }
}
