// A clock for tests of the per-attempt time limit that must hold on a loaded machine: a short
// `timeoutMs` raced against the request's arrival at a local server can fire before the request
// got there, and then the server has seen nothing. With this clock, the attempt's time-limit
// timer (the one of exactly `timeoutMs`) starts only once the server has received that attempt's
// request, so the limit always expires on a request that arrived. Every other timer (backoff) is
// the platform's.
import { systemClock, type Clock } from "../../src/wrappers/request/clock.js";

/**
 * The n-th timer of `timeoutMs` starts when `arrivals()` (the requests the server has received)
 * reaches n. `pollMs` is how often arrivals are looked at.
 */
export function arrivalClock(timeoutMs: number, arrivals: () => number, pollMs = 5): Clock {
  let claimed = 0;
  return {
    now: systemClock.now,
    setTimeout(callback, ms) {
      if (ms !== timeoutMs) return systemClock.setTimeout(callback, ms);
      const attempt = ++claimed;
      const handle: { timer?: unknown; cancelled: boolean } = { cancelled: false };
      const waitForArrival = () => {
        if (handle.cancelled) return;
        handle.timer = arrivals() >= attempt ? systemClock.setTimeout(callback, ms) : systemClock.setTimeout(waitForArrival, pollMs);
      };
      waitForArrival();
      return handle;
    },
    clearTimeout(handle) {
      if (typeof handle !== "object" || handle === null || !("cancelled" in handle)) return systemClock.clearTimeout(handle);
      const pending = handle as { timer?: unknown; cancelled: boolean };
      pending.cancelled = true;
      systemClock.clearTimeout(pending.timer);
    },
  };
}
