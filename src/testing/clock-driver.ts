// What moves the virtual clock without the test's hand. Two modes:
// - auto-advance (in-process): once nothing in the fake is busy and a real macrotask has passed
//   (so every promise continuation of the code under test has run and it is blocked on a
//   timer), skip to the next due timer and fire it, as Temporal's time-skipping server does.
//   A request waiting on an injected delay is idle: it waits on the clock like everyone else.
// - wall time (while listening): timers fire when the wall clock reaches them.
import type { ClockCore } from "./virtual-clock.js";

// Captured once, so a test that installs fake timers later does not stop the driver.
const realSetTimeout = globalThis.setTimeout;
const realClearTimeout = globalThis.clearTimeout;

/** Drives a clock; `busy` counts work in progress that must finish before time may skip. */
export interface ClockDriver {
  autoAdvance: boolean;
  busyStart(): void;
  busyEnd(): void;
  /** Re-evaluates what to do next (after a timer change or a mode change). */
  schedule(): void;
  stop(): void;
}

/** A driver for `clock`; it installs itself as the clock's change listener. */
export function createClockDriver(clock: ClockCore, autoAdvance: boolean): ClockDriver {
  let busy = 0;
  let pending: ReturnType<typeof setTimeout> | undefined;
  const cancel = (): void => {
    if (pending !== undefined) realClearTimeout(pending);
    pending = undefined;
  };
  const driver: ClockDriver = {
    autoAdvance,
    busyStart: () => {
      busy++;
    },
    busyEnd: () => {
      busy--;
      driver.schedule();
    },
    schedule() {
      cancel();
      const due = clock.nextDue();
      if (due === undefined) return;
      if (clock.followsWallTime) {
        pending = realSetTimeout(() => {
          pending = undefined;
          while (clock.nextDue() !== undefined && (clock.nextDue() ?? Infinity) <= clock.now()) clock.fireNext();
          driver.schedule();
        }, Math.max(0, due - clock.now()));
        return;
      }
      if (!driver.autoAdvance || busy > 0) return;
      pending = realSetTimeout(() => {
        pending = undefined;
        if (busy === 0 && driver.autoAdvance && !clock.followsWallTime) clock.fireNext();
        driver.schedule();
      }, 0);
    },
    stop: cancel,
  };
  clock.onChange = () => driver.schedule();
  return driver;
}
