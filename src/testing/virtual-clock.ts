// The fake's time: a Clock (the client's own interface) whose milliseconds move only when a test
// advances them, when auto-advance skips to the next timer while everything waits, or, while
// the fake listens over HTTP, with the wall clock. Process lifecycles read it; the client's waits,
// backoffs and time limits run on it through `clientOptions.clock`.
import type { Clock } from "../index.js";

interface Timer {
  id: number;
  due: number;
  callback: () => void;
}

/** The fake's virtual clock: a `Clock` that tests move. Readings are Unix milliseconds. */
export interface VirtualClock extends Clock {
  /** Virtual Unix milliseconds. */
  now(): number;
  /** Moves time forward by `ms`, firing every timer that falls due on the way, in order. */
  advance(ms: number): void;
  /** The due time of the earliest pending timer, or undefined when none is pending. */
  nextDue(): number | undefined;
}

/** The clock plus the hooks the fake's driver (auto-advance, wall time) needs. */
export interface ClockCore extends VirtualClock {
  /** Fires the earliest pending timer, moving time to its due time; false when none is pending. */
  fireNext(): boolean;
  /** Called whenever a timer is added or removed, so a driver can reschedule. */
  onChange: (() => void) | undefined;
  /** Follow wall time from now on (true) or freeze at the current reading (false). */
  followWallTime(on: boolean): void;
  /** Whether the clock follows wall time. */
  readonly followsWallTime: boolean;
}

const realNow = (): number => performance.now();

/** A virtual clock starting at `start` (Unix ms). */
export function createVirtualClock(start: number): ClockCore {
  let base = start;
  let wallSince: number | undefined;
  let nextId = 1;
  const timers: Timer[] = [];
  const now = (): number => (wallSince === undefined ? base : base + Math.floor(realNow() - wallSince));
  const earliest = (): Timer | undefined => timers.reduce<Timer | undefined>((first, timer) => (first === undefined || timer.due < first.due ? timer : first), undefined);
  const remove = (timer: Timer): void => {
    timers.splice(timers.indexOf(timer), 1);
  };
  const moveTo = (time: number): void => {
    if (time > now()) base += time - now();
  };
  const clock: ClockCore = {
    onChange: undefined,
    now,
    setTimeout(callback, ms) {
      const timer = { id: nextId++, due: now() + Math.max(0, Number.isFinite(ms) ? ms : 0), callback };
      timers.push(timer);
      clock.onChange?.();
      return timer.id;
    },
    clearTimeout(handle) {
      const timer = timers.find((candidate) => candidate.id === handle);
      if (timer === undefined) return;
      remove(timer);
      clock.onChange?.();
    },
    nextDue: () => earliest()?.due,
    fireNext() {
      const timer = earliest();
      if (timer === undefined) return false;
      remove(timer);
      moveTo(timer.due);
      timer.callback();
      return true;
    },
    advance(ms) {
      if (!(Number.isFinite(ms) && ms >= 0)) throw new RangeError(`clock.advance: ms must be a finite number >= 0, got ${String(ms)}`);
      const target = now() + ms;
      for (let timer = earliest(); timer !== undefined && timer.due <= target; timer = earliest()) clock.fireNext();
      moveTo(target);
    },
    followWallTime(on) {
      if (on && wallSince === undefined) wallSince = realNow();
      if (!on && wallSince !== undefined) {
        base = now();
        wallSince = undefined;
      }
      clock.onChange?.();
    },
    get followsWallTime() {
      return wallSince !== undefined;
    },
  };
  return clock;
}
