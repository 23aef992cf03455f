// The info line of one wait, written from its record when it ends, besides the lines of its polls.
import type { WaitTraceContext } from "./wait-trace-context.js";

/**
 * `hathora-processes waitForProcess p-1 until "running": done in 5012 ms, 8 polls, statuses
 * starting -> running`; on failure the error's class instead of "done".
 */
export function waitLine(record: WaitTraceContext, error: unknown): string {
  const what = record.processId ?? (record.region === undefined ? "(no process)" : `(not created, region ${record.region})`);
  const outcome = error === undefined ? "done" : `${errorName(error)}`;
  const statuses = record.statuses.length > 0 ? `statuses ${record.statuses.join(" -> ")}` : "no status seen";
  const polls = `${record.polls} ${record.polls === 1 ? "poll" : "polls"}`;
  return `hathora-processes ${record.helper} ${what} until "${record.until}": ${outcome} in ${Math.round(record.durationMs ?? 0)} ms, ${polls}, ${statuses}`;
}

function errorName(error: unknown): string {
  const name = (error as { name?: unknown } | null)?.name;
  return typeof name === "string" ? name : typeof error;
}
