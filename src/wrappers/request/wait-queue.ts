// A first-in, first-out queue of callers waiting for their turn (a free slot of the
// concurrency limit, the end of a shared backoff). Each waiter's AbortSignal works while it
// waits: an aborted waiter leaves the queue at once and rejects with the signal's reason.
// Enqueue and release are O(1); aborted waiters are skipped, not searched for.
import { onAbort } from "./abort-link.js";

interface Waiter {
  resolve: () => void;
  reject: (reason: unknown) => void;
  unlink: (() => void) | undefined;
  gone: boolean;
}

export class WaitQueue {
  #items: Array<Waiter | undefined> = [];
  #head = 0;
  #live = 0;

  /** How many callers wait (aborted ones not counted). */
  get size(): number {
    return this.#live;
  }

  /** Resolves when `releaseNext` reaches this caller; rejects with `signal.reason` if it aborts first. */
  wait(signal: AbortSignal | undefined): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      const waiter: Waiter = { resolve, reject, unlink: undefined, gone: false };
      this.#items.push(waiter);
      this.#live++;
      if (signal) {
        waiter.unlink = onAbort(signal, () => {
          if (waiter.gone) return;
          waiter.gone = true;
          this.#live--;
          reject(signal.reason);
        });
      }
    });
  }

  /** Lets the first caller still waiting go; false when nobody waits. */
  releaseNext(): boolean {
    while (this.#head < this.#items.length) {
      const waiter = this.#items[this.#head];
      this.#items[this.#head++] = undefined;
      if (waiter === undefined || waiter.gone) continue;
      waiter.gone = true;
      this.#live--;
      waiter.unlink?.();
      waiter.resolve();
      this.#compact();
      return true;
    }
    this.#compact();
    return false;
  }

  // Drops the released part of the array once it is most of it.
  #compact(): void {
    if (this.#head === this.#items.length) {
      this.#items = [];
      this.#head = 0;
    } else if (this.#head > 1024 && this.#head * 2 > this.#items.length) {
      this.#items = this.#items.slice(this.#head);
      this.#head = 0;
    }
  }
}
