// The client's shared backoff. A `Retry-After` on a 429 or a 503 holds back every call of the
// client, not only the one that got it: no attempt goes out before that time (each caller's
// signal still works while it waits). When the hold ends, the callers held back are let go in
// order of arrival, spread evenly over SPREAD_MS rather than all at once.
//
// A 429 also makes the client pace itself: from then on its attempts go out one at a time,
// `rate` per second. The first rate is what the server admitted (answered with success) in the
// second before the refusal; successes that come back while the first hold lasts may still
// raise it, as answers of the same burst arrive in any order. When the server admitted
// nothing, there is no rate to learn: the hold and its spread alone apply. After that the rate grows by a
// tenth each second that callers had to wait for it, and shrinks to 70 % on another 429 (at
// most once a second): the additive-increase, multiplicative-decrease of TCP and of the AWS
// SDK's adaptive mode, driven by successes rather than by sends. Pacing ends once no 429 came
// for PACE_MEMORY_MS and nobody waits.
//
// Callers wait in the order they first had to: a call refused while the client paces itself goes
// first when its turn comes again, so that pacing's occasional refusal does not fall on the
// same call until its retries are spent.
//
// While nothing of this is going on, `busy` is false and a call pays nothing but one property
// read per attempt, and one clock reading per success (the admission count).
import type { Clock } from "./clock.js";
import { WaitQueue } from "./wait-queue.js";

/** The window after a `Retry-After` over which the callers held back are let go. */
export const SPREAD_MS = 1000;
/** How long after the last 429 the client stops pacing itself (when nobody waits). */
const PACE_MEMORY_MS = 10_000;
const DECREASE = 0.7;
const INCREASE = 0.1;

export class SharedBackoff {
  readonly #clock: Clock;
  readonly #queue = new WaitQueue();
  /** True while a call must `enter` before sending: a hold, pacing, or callers waiting. */
  busy = false;
  #holdUntil = Number.NEGATIVE_INFINITY;
  /** A new hold started: the spacing of the spread is set when it ends. */
  #spreadPending = false;
  #spacingMs = 0;
  #nextSlot = Number.NEGATIVE_INFINITY;
  #timer: unknown = undefined;
  #tickets = 0;
  // Pacing: 0 while the client does not pace itself.
  #rate = 0;
  #estimateUntil = Number.NEGATIVE_INFINITY;
  #lastChange = Number.NEGATIVE_INFINITY;
  #lastRefusal = Number.NEGATIVE_INFINITY;
  // Successes per clock second: this one and the one before, for a sliding one-second count.
  #second = Number.NEGATIVE_INFINITY;
  #thisSecond = 0;
  #lastSecond = 0;

  constructor(clock: Clock) {
    this.#clock = clock;
  }

  /** The attempts per second the client paces itself to; 0 while it does not. */
  get rate(): number {
    return this.#rate;
  }

  /** A new call's place in line: calls that waited earlier go first, also when refused again. */
  ticket(): number {
    return ++this.#tickets;
  }

  /**
   * Call before an attempt while `busy`, with the call's `ticket`: undefined when it may go now
   * (no promise made), else a promise that resolves when its turn comes (lowest ticket first),
   * or rejects with `signal.reason`.
   */
  enter(signal: AbortSignal | undefined, ticket: number): Promise<void> | undefined {
    const now = this.#clock.now();
    if (this.#queue.size === 0 && now >= this.#holdUntil) {
      if (this.#rate === 0) {
        this.busy = false;
        return undefined;
      }
      if (now - this.#lastRefusal > PACE_MEMORY_MS) {
        this.#rate = 0;
        this.busy = false;
        return undefined;
      }
      if (now >= this.#nextSlot) {
        this.#nextSlot = now + 1000 / this.#rate;
        return undefined;
      }
    }
    const turn = this.#queue.wait(signal, ticket);
    this.#schedule(now);
    return turn;
  }

  /** The server asked (`Retry-After`) for `ms` without requests; `refused`: it was a 429. */
  hold(ms: number, refused: boolean): void {
    const now = this.#clock.now();
    if (now + ms > this.#holdUntil) {
      this.#holdUntil = now + ms;
      this.#spreadPending = true;
    }
    if (refused) this.refused(now);
    this.busy = true;
    this.#schedule(now);
  }

  /** A 429 came back (with or without `Retry-After`): start pacing, or slow down. */
  refused(now: number = this.#clock.now()): void {
    if (this.#rate !== 0 && now >= this.#estimateUntil) {
      if (now - this.#lastChange >= 1000) {
        this.#rate = Math.max(1, this.#rate * DECREASE);
        this.#lastChange = now;
      }
    } else {
      if (now >= this.#estimateUntil) {
        // A new episode: its estimate may still rise while the hold lasts.
        this.#estimateUntil = this.#holdUntil;
        // The first second of pacing starts when the hold ends.
        this.#lastChange = Math.max(now, this.#holdUntil);
      }
      // Nothing admitted (every request refused) tells no rate: then the hold's spread alone.
      this.#rate = Math.max(this.#rate, this.#admittedPerSecond(now));
    }
    this.#lastRefusal = now;
    this.busy = true;
  }

  /** An attempt succeeded: counted, as what the server admits sets the pace after a 429. */
  succeeded(): void {
    const now = this.#clock.now();
    const second = Math.floor(now / 1000);
    if (second !== this.#second) {
      this.#lastSecond = second === this.#second + 1 ? this.#thisSecond : 0;
      this.#thisSecond = 0;
      this.#second = second;
    }
    this.#thisSecond++;
    if (this.#rate !== 0 && now < this.#estimateUntil) this.#rate = Math.max(this.#rate, this.#admittedPerSecond(now));
  }

  /** Successes in the last second: this second's, and the part of the last one still in the window. */
  #admittedPerSecond(now: number): number {
    const second = Math.floor(now / 1000);
    const into = (now - second * 1000) / 1000;
    if (second === this.#second) return Math.round(this.#thisSecond + this.#lastSecond * (1 - into));
    if (second === this.#second + 1) return Math.round(this.#thisSecond * (1 - into));
    return 0;
  }

  #schedule(now: number): void {
    if (this.#timer !== undefined || this.#queue.size === 0) return;
    const at = Math.max(this.#holdUntil, this.#nextSlot);
    this.#timer = this.#clock.setTimeout(() => this.#release(), Math.max(0, at - now));
  }

  /** Lets the first caller go when its time has come, and sets the time of the next. */
  #release(): void {
    this.#timer = undefined;
    const now = this.#clock.now();
    if (now < this.#holdUntil) return this.#schedule(now); // the hold was extended meanwhile
    if (this.#rate !== 0) {
      if (now - this.#lastChange >= 1000) {
        this.#rate += Math.max(1, this.#rate * INCREASE);
        this.#lastChange = now;
      }
      this.#spacingMs = 1000 / this.#rate;
    } else if (this.#spreadPending) {
      this.#spacingMs = SPREAD_MS / Math.max(1, this.#queue.size);
    }
    this.#spreadPending = false;
    if (now >= this.#nextSlot && this.#queue.releaseNext()) this.#nextSlot = now + this.#spacingMs;
    if (this.#queue.size > 0) this.#schedule(now);
  }
}
