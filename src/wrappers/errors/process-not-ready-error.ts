import { HathoraError } from "./hathora-error.js";

/**
 * `createProcessAndWait` created a process, then the wait failed. The process may still be
 * running (and billed): `processId` is here so it can be stopped. `cause` says why the wait
 * failed: a ProcessEndedError, a TimeoutError, an ApiError, or the caller's abort reason.
 */
export class ProcessNotReadyError extends HathoraError {
  override name = "ProcessNotReadyError" as const;
  readonly processId: string;
  /** The process as `createProcess` returned it. */
  readonly process: { processId: string; status: string };

  constructor(process: { processId: string; status: string }, until: string, cause: unknown) {
    const why = cause instanceof Error ? cause.message : String(cause);
    super(`Process ${process.processId} was created but did not become "${until}" (${why}); stop it if it is not needed`, { cause });
    this.processId = process.processId;
    this.process = process;
  }
}
