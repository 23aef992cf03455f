// Type-level checks of the open enums, run by `npm run typecheck` (tsc fails if one breaks):
// a value Hathora adds later is accepted, the known values stay literal types, and a switch
// over a status needs a default branch.
import type { KnownProcessStatus, KnownRegion, ProcessStatus, ProcessV3, Region } from "../../src/index.js";

export const tomorrowsRegion: Region = "Atlantis_2031";
export const knownRegion: KnownRegion = "Tokyo";
// @ts-expect-error an unlisted region is a Region but not a KnownRegion
export const notKnown: KnownRegion = "Atlantis_2031";
// @ts-expect-error a Region is still a string, not any value
export const notAString: Region = 7;

export function label(status: ProcessStatus): string {
  switch (status) {
    case "starting":
    case "running":
    case "draining":
    case "stopping":
    case "stopped":
    case "failed":
      return status;
  }
  // @ts-expect-error every known status is handled above, yet an unknown one can still arrive here
  const unreachable: never = status;
  return unreachable;
}

export function known(process: ProcessV3): KnownProcessStatus | undefined {
  const statuses: readonly string[] = ["starting", "running", "draining", "stopping", "stopped", "failed"] satisfies KnownProcessStatus[];
  return statuses.includes(process.status) ? (process.status as KnownProcessStatus) : undefined;
}
