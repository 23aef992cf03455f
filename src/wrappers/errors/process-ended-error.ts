import { HathoraError } from "./hathora-error.js";

/** The process moved past the awaited status into an end state (`waitForProcess`). */
export class ProcessEndedError extends HathoraError {
  override name = "ProcessEndedError" as const;
  readonly processId: string;
  /** The status it ended in. */
  readonly status: string;
  /** The status that was awaited. */
  readonly until: string;
  /** Why the process exited, when the server said (v3 `summaryExitReason`). */
  readonly summaryExitReason: string | undefined;
  /** The last process seen, as the server returned it. */
  readonly process: { processId: string; status: string };

  constructor(process: { processId: string; status: string; summaryExitReason?: string }, until: string) {
    const reason = process.summaryExitReason ? `: ${process.summaryExitReason}` : "";
    super(`Process ${process.processId} is "${process.status}" and will not become "${until}"${reason}`);
    this.processId = process.processId;
    this.status = process.status;
    this.until = until;
    this.summaryExitReason = process.summaryExitReason;
    this.process = process;
  }
}
