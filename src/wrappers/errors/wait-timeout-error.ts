import type { ProcessV2, ProcessV3 } from "../types.js";
import { HathoraError } from "./hathora-error.js";

/** `waitForProcess` reached its `waitTimeoutMs` deadline before the process reached `until`. */
export class WaitTimeoutError<P extends ProcessV2 | ProcessV3 = ProcessV2 | ProcessV3> extends HathoraError {
  /** Always "WaitTimeoutError". */
  override name = "WaitTimeoutError" as const;
  /** The id of the process waited for. */
  readonly processId: string;
  /** The status waited for. */
  readonly until: string;
  /** The deadline of the wait that passed, in milliseconds. */
  readonly waitTimeoutMs: number;
  /** The last process seen, undefined if it was not found yet. */
  readonly lastProcess: P | undefined;
  /** The status of `lastProcess`: possibly one this version of the client does not know. */
  readonly lastStatus: P["status"] | undefined;

  /**
   * @param init - `notFound`: a poll was answered with 404 (the process was not found yet).
   *   Without it and without `lastProcess`, no poll was answered at all.
   */
  constructor(init: { processId: string; until: string; waitTimeoutMs: number; lastProcess: P | undefined; notFound?: boolean | undefined }) {
    const { processId, until, waitTimeoutMs, lastProcess, notFound = false } = init;
    super(`waitForProcess timed out after ${waitTimeoutMs} ms: ${seen(processId, lastProcess, notFound)}, waiting for "${until}"`);
    this.processId = processId;
    this.until = until;
    this.waitTimeoutMs = waitTimeoutMs;
    this.lastProcess = lastProcess;
    this.lastStatus = lastProcess?.status;
  }
}

/** What the wait last learnt: the status, a 404, or nothing at all (no poll answered). */
function seen(processId: string, lastProcess: ProcessV2 | ProcessV3 | undefined, notFound: boolean): string {
  if (lastProcess) return `process ${processId} is still "${lastProcess.status}"`;
  if (notFound) return `process ${processId} was not found yet (every answer was 404)`;
  return `no poll of process ${processId} was answered yet`;
}
