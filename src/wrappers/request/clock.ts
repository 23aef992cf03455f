// The client's time source. Every wait, backoff, time limit and duration reads it, so that a
// test double (hathora-processes/testing) can run them on virtual time: a two-minute wait then
// takes milliseconds of wall time and is deterministic.

/** A source of time and timers: the platform's by default, a virtual one in tests. */
export interface Clock {
  /** Milliseconds on this clock's own scale; only differences between readings are used. */
  now(): number;
  /** Calls `callback` once, `ms` milliseconds of this clock from now; returns a handle for `clearTimeout`. */
  setTimeout(callback: () => void, ms: number): unknown;
  /** Cancels a timer of this clock; a handle that already fired or was cleared is ignored. */
  clearTimeout(handle: unknown): void;
}

/** The platform's timers and monotonic time. */
export const systemClock: Clock = {
  now: () => performance.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};
