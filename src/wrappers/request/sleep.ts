import { onAbort } from "./abort-link.js";
import type { Clock } from "./clock.js";

/** Waits `ms` on `clock`, or rejects with `signal.reason` as soon as the signal aborts. */
export function sleep(ms: number, signal: AbortSignal | undefined, clock: Clock): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = clock.setTimeout(() => {
      unlink?.();
      resolve();
    }, ms);
    const unlink =
      signal &&
      onAbort(signal, () => {
        clock.clearTimeout(timer);
        reject(signal.reason);
      });
  });
}
