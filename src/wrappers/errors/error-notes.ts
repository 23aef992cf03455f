// Sentences added to an error's message after it was built, once the client knows more than
// the attempt did: that no retry follows and why (the server's Retry-After is too long, the
// retry budget is spent), or what a lost create means for the caller. The message (and the
// stack, which V8 writes from it when first read) then says what to do, not only what failed.
import type { RequestSettings } from "../options/call-options.js";

/** Appends `sentence` to the error's message, and to its stack when that was already written. */
export function addNote(error: Error, sentence: string): void {
  const before = error.message;
  error.message = `${before}${/[.!?]$/.test(before) ? "" : "."} ${sentence}`;
  // V8 writes the stack from the message when it is first read; one read already keeps the old
  // message, which is replaced.
  const stack = error.stack;
  if (typeof stack === "string" && !stack.includes(error.message)) error.stack = stack.replace(before, error.message);
}

/** Why a `Retry-After` was not waited for, and what to change. */
export function retryAfterTooLongNote(retryAfterMs: number, settings: Pick<RequestSettings, "maxRetryAfterMs">): string {
  return `Not retried: the server's Retry-After (${seconds(retryAfterMs)}) is longer than maxRetryAfterMs (${settings.maxRetryAfterMs} ms); raise createHathoraClient({ maxRetryAfterMs }) to wait that long, or retry after error.retryAfterMs yourself.`;
}

/** The retry budget refused the retry. */
export const RETRY_BUDGET_NOTE =
  "Not retried: the client's retry budget is spent (many calls failed and retried in a short time, as in an outage); it refills as calls succeed. See createHathoraClient({ retryBudget }).";

/**
 * What a create whose answer was lost means: a process may exist, billed, and how to find it.
 * Both create paths end with the region.
 */
export function lostCreateNote(operationId: string, url: string): string {
  const processes = operationId.endsWith("V2Deprecated") ? "processesV2" : "processesV3";
  let region = "<region>";
  try {
    region = decodeURIComponent(new URL(url).pathname.split("/").pop() ?? region);
  } catch {
    // Not a URL or not decodable: the placeholder stays.
  }
  return `The create may have reached Hathora, so a billed process may exist: list the region's newest processes (${processes}.getLatestProcesses({ region: [${JSON.stringify(region)}] })) and use or stop it before creating another.`;
}

function seconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
}
