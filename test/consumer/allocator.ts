// A small allocator, as a game service writes one around the client. docs/testing.md shows it
// with its test (allocator.test.ts); the consumer test runs both against the packed package.
import { ProcessEndedError, ProcessNotReadyError, type HathoraClient, type ProcessV3, type Region } from "hathora-processes";

/** A running process in `region`: the newest one there is, else a new one (one more try if it crashes on boot). */
export async function allocate(hathora: HathoraClient, region: Region): Promise<ProcessV3> {
  const [running] = await hathora.processesV3.getLatestProcesses({ region: [region], status: ["running"] });
  if (running) return running;
  try {
    return await hathora.processesV3.createProcessAndWait({ region });
  } catch (error) {
    // Created, then ended before running (failed on boot): try once more. Anything else is thrown.
    if (!(error instanceof ProcessNotReadyError && error.cause instanceof ProcessEndedError)) throw error;
    console.warn(`process ${error.processId} failed on boot (${error.cause.summaryExitReason ?? "no reason given"}); trying once more`);
    return hathora.processesV3.createProcessAndWait({ region });
  }
}

/** Stops every running process with no room allocated (all of them, not only the newest 10); returns their ids. */
export async function stopIdle(hathora: HathoraClient): Promise<string[]> {
  const stopped: string[] = [];
  for await (const process of hathora.processesV3.listProcesses({ status: ["running"] })) {
    if (process.roomsAllocated > 0) continue;
    await hathora.processesV3.stopProcess({ processId: process.processId });
    stopped.push(process.processId);
  }
  return stopped;
}
