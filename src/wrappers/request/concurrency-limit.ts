// `maxConcurrency`: never more attempts of one client in flight than that. A slot is taken
// right before an attempt is sent and given back when its response is read (or it failed), so
// a call waiting for a retry holds none, and the attempt's time limit starts only once it has
// one. Callers wait in order of arrival; an aborted one leaves the queue at once. A client
// without the option has no limit object at all: nothing is counted.
import { WaitQueue } from "./wait-queue.js";

export class ConcurrencyLimit {
  readonly #max: number;
  readonly #queue = new WaitQueue();
  #active = 0;

  constructor(max: number) {
    this.#max = max;
  }

  /** Attempts in flight now. */
  get active(): number {
    return this.#active;
  }

  /**
   * Takes a slot: undefined when one was free (no promise made), else a promise that resolves
   * when a slot is handed over, or rejects with `signal.reason` if the signal aborts first.
   */
  acquire(signal: AbortSignal | undefined): Promise<void> | undefined {
    if (this.#active < this.#max && this.#queue.size === 0) {
      this.#active++;
      return undefined;
    }
    return this.#queue.wait(signal);
  }

  /** Gives a slot back: straight to the first caller waiting, if any. */
  release(): void {
    if (!this.#queue.releaseNext()) this.#active--;
  }
}
