// Guards for the open enums: a Region or ProcessStatus may be any string (Hathora adds values),
// so `knownValues.Region.includes(value)` does not compile for a plain `string`. These do, and
// narrow it. They say whether this version of the spec lists a value, not whether it is valid:
// an unlisted value still passes through every call.
import { knownValues } from "../generated/operations.js";
import type { KnownProcessStatus, KnownRegion } from "./types.js";

const REGIONS: ReadonlySet<string> = new Set(knownValues.Region);
const STATUSES: ReadonlySet<string> = new Set(knownValues.ProcessStatus);

/**
 * True when `value` is a region this version of the spec lists; narrows a `string` or a `Region`
 * to `KnownRegion`. An unlisted region may still exist: the enum is open.
 */
export function isKnownRegion(value: string): value is KnownRegion {
  return REGIONS.has(value);
}

/**
 * True when `value` is a status this version of the spec lists; narrows a `string` or a
 * `ProcessStatus` to `KnownProcessStatus`. An unlisted status may still come: the enum is open.
 */
export function isKnownProcessStatus(value: string): value is KnownProcessStatus {
  return STATUSES.has(value);
}

/** The listed value that `value` equals but for case ("Running" -> "running"), if any. */
export function knownButForCase(value: string, known: readonly string[]): string | undefined {
  if (known.includes(value)) return undefined;
  const lower = value.toLowerCase();
  return known.find((candidate) => candidate.toLowerCase() === lower);
}
