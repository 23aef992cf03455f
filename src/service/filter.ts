// The list filters, applied the same way by every engine that filters in memory.
import type { ProcessV3 } from "../index.js";
import type { EngineProcess, ProcessFilter } from "./engine.js";

/** Whether a process passes a filter's status, region and before conditions (not its limit). */
export function matchesFilter(process: ProcessV3, filter: ProcessFilter): boolean {
  const { status, region, before } = filter;
  return (
    (status === undefined || status.includes(process.status)) &&
    (region === undefined || region.includes(process.region)) &&
    (before === undefined || Date.parse(process.createdAt) < before * 1000)
  );
}

/**
 * The entries passing `filter`, newest first (ties: the later `sequence` first), cut to its limit.
 * `sequence` is the engine's own creation order, for processes that share a createdAt.
 */
export function applyFilter<E extends EngineProcess>(entries: readonly E[], filter: ProcessFilter, sequence: (entry: E) => number): E[] {
  const kept = entries
    .filter((entry) => matchesFilter(entry.process, filter))
    .sort((a, b) => Date.parse(b.process.createdAt) - Date.parse(a.process.createdAt) || sequence(b) - sequence(a));
  return filter.limit === undefined ? kept : kept.slice(0, filter.limit);
}
