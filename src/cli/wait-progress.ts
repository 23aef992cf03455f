// A wait that shows each status change on stderr (create --wait, stop --wait, wait).
import type { CommandContext } from "./command.js";
import { progressLine, type AnyProcess } from "./format/process.js";

/** Waits for `processId` to reach `until`, writing a progress line per status (`seen` first, if known). */
export async function waitWithProgress(context: CommandContext, processId: string, seen: AnyProcess | undefined, until: string, waitTimeoutMs: number): Promise<AnyProcess> {
  const { io, api } = context;
  const show = (process: AnyProcess) => io.err(progressLine(process, Date.now(), io.errColour));
  if (seen !== undefined) show(seen);
  // The client's wait tells each status its polls see change; one it was given is not repeated.
  let last = seen?.status;
  return api.waitForProcess(processId, until, waitTimeoutMs, (process) => {
    if (process.status === last) return;
    last = process.status;
    show(process);
  });
}
