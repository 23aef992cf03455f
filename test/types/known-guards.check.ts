// Type-level checks of isKnownRegion and isKnownProcessStatus, run by `npm run typecheck`: they
// compile for a plain `string` (where `knownValues.Region.includes(value)` does not) and narrow
// it, and a `Region` or `ProcessStatus` alike.
import { isKnownProcessStatus, isKnownRegion, knownValues, type KnownProcessStatus, type KnownRegion, type ProcessStatus, type Region } from "../../src/index.js";

export function fromUserInput(input: string): KnownRegion | undefined {
  // @ts-expect-error the readonly tuple's includes takes only its own literals, not a string
  knownValues.Region.includes(input);
  // @ts-expect-error an unchecked string is not a KnownRegion
  const unchecked: KnownRegion = input;
  void unchecked;
  return isKnownRegion(input) ? input : undefined;
}

export function regionLabel(region: Region): string {
  if (isKnownRegion(region)) {
    const known: KnownRegion = region;
    return known;
  }
  // Not known: still a Region, a string (the enum is open).
  return `unlisted region ${region.toUpperCase()}`;
}

export function statusOf(value: string): KnownProcessStatus | "other" {
  return isKnownProcessStatus(value) ? value : "other";
}

export function isSettled(status: ProcessStatus): boolean {
  if (!isKnownProcessStatus(status)) return false;
  const known: KnownProcessStatus = status;
  return known === "stopped" || known === "failed";
}
