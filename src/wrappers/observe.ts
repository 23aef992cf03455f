// Builds, once per client, the observer that each attempt's record is given to: the user's
// `onAttempt` hook. With nothing to observe there is no observer at all, so a quiet client
// builds no record.
import type { AttemptEvent, AttemptObserver } from "./attempt-event.js";

export interface ObserverOptions {
  onAttempt: ((event: AttemptEvent) => void) | undefined;
  /** Where a failing hook is reported; it must not throw. */
  reportHookFailure: (error: unknown, event: AttemptEvent) => void;
}

export function createAttemptObserver({ onAttempt, reportHookFailure }: ObserverOptions): AttemptObserver | undefined {
  if (!onAttempt) return undefined;
  return (event) => {
    try {
      onAttempt(event);
    } catch (error) {
      reportHookFailure(error, event);
    }
  };
}
