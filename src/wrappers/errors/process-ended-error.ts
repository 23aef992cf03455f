import type { ProcessV2, ProcessV3 } from "../types.js";
import { HathoraError } from "./hathora-error.js";

/** The process moved past the awaited status into an end state (`waitForProcess`). */
export class ProcessEndedError<P extends ProcessV2 | ProcessV3 = ProcessV2 | ProcessV3> extends HathoraError {
  /** Always "ProcessEndedError". */
  override name = "ProcessEndedError" as const;
  /** The id of the process that ended. */
  readonly processId: string;
  /** The status it ended in. */
  readonly status: P["status"];
  /** The status that was awaited. */
  readonly until: string;
  /** Why the process exited, when the server said (v3 `summaryExitReason`). */
  readonly summaryExitReason: string | undefined;
  /** The last process seen, as the server returned it: a ProcessV3 from `processesV3`, a ProcessV2 from `processesV2`. */
  readonly process: P;

  constructor(init: { process: P; until: string }) {
    const { process, until } = init;
    const summaryExitReason = "summaryExitReason" in process ? process.summaryExitReason : undefined;
    super(`Process ${process.processId} is "${process.status}" and will not become "${until}"${summaryExitReason ? `: ${summaryExitReason}` : ""}`);
    this.processId = process.processId;
    this.status = process.status;
    this.until = until;
    this.summaryExitReason = summaryExitReason;
    this.process = process;
  }
}
