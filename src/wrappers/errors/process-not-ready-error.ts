import type { ProcessV2, ProcessV3 } from "../types.js";
import { HathoraError } from "./hathora-error.js";

/**
 * `createProcessAndWait` created a process, then the wait failed. The process may still be
 * running (and billed): `processId` is here so it can be stopped. `cause` says why the wait
 * failed: a ProcessEndedError, a WaitTimeoutError, an ApiError, or the caller's abort reason.
 */
export class ProcessNotReadyError<P extends ProcessV2 | ProcessV3 = ProcessV2 | ProcessV3> extends HathoraError {
  /** Always "ProcessNotReadyError". */
  override name = "ProcessNotReadyError" as const;
  /** The id of the process that was created (it may still be billed: stop it). */
  readonly processId: string;
  /** The process as `createProcess` returned it. */
  readonly process: P;

  constructor(init: { process: P; until: string; cause: unknown }) {
    const { process, until, cause } = init;
    const why = cause instanceof Error ? cause.message : String(cause);
    super(`Process ${process.processId} was created but did not become "${until}" (${why}); stop it if it is not needed`, { cause });
    this.processId = process.processId;
    this.process = process;
  }
}
