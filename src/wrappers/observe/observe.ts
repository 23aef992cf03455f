// observe/: what a user sees of the client's calls: the one record of each attempt
// (attempt-event), the log built from it (log, attempt-log, environment for HATHORA_LOG), the
// `onAttempt` hook (this file) and the `hathora-processes:operation` TracingChannel
// (trace-channel). Nothing here changes a call's outcome.
//
// Builds, once per client, the observer that each attempt's record is given to: the log (an
// info line, and at debug the URL and allow-listed headers) and the user's `onAttempt` hook.
// With nothing to observe there is no observer at all, so a quiet client builds no record.
import type { AttemptObserver } from "./attempt-event.js";
import { attemptLine, exchangeLine } from "./attempt-log.js";
import type { Log } from "./log.js";
import type { HathoraClientOptions } from "../options/client-options.js";

export interface ObserverOptions {
  onAttempt: HathoraClientOptions["onAttempt"];
  log: Log;
}

export function createAttemptObserver({ onAttempt, log }: ObserverOptions): AttemptObserver | undefined {
  const { info, debug, warn } = log;
  if (!onAttempt && !info) return undefined;
  return (event, exchange) => {
    info?.(attemptLine(event));
    debug?.(exchangeLine(event, exchange));
    if (!onAttempt) return;
    try {
      onAttempt(event);
    } catch (error) {
      warn?.(`hathora-processes: the onAttempt hook threw on ${event.operationId} attempt ${event.attempt}; the call goes on: ${describe(error)}`);
    }
  };
}

/** A hook's failure in one line: its name and message, never its own properties. */
function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
