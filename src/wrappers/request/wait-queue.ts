// The callers waiting for their turn (a free slot of the concurrency limit, their moment after a
// shared backoff), released lowest rank first: by default the order of arrival. The shared
// backoff ranks each call by when it first had to wait, so a call refused again goes before
// those that came after it. Each waiter's AbortSignal works while it waits: an aborted waiter
// rejects at once with the signal's reason and is skipped when its rank comes up. A binary heap:
// O(log n) per caller, and nothing at all for a client that never waits.
import { onAbort } from "./abort-link.js";

interface Waiter {
  rank: number;
  order: number;
  resolve: () => void;
  unlink: (() => void) | undefined;
  gone: boolean;
}

export class WaitQueue {
  #heap: Waiter[] = [];
  #live = 0;
  #arrivals = 0;

  /** How many callers wait (aborted ones not counted). */
  get size(): number {
    return this.#live;
  }

  /**
   * Resolves when `releaseNext` reaches this caller (lowest `rank` first; equal ranks in order of
   * arrival); rejects with `signal.reason` if the signal aborts first.
   */
  wait(signal: AbortSignal | undefined, rank: number = this.#arrivals): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      const waiter: Waiter = { rank, order: this.#arrivals++, resolve, unlink: undefined, gone: false };
      this.#push(waiter);
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
    for (let waiter = this.#pop(); waiter !== undefined; waiter = this.#pop()) {
      if (waiter.gone) continue;
      waiter.gone = true;
      this.#live--;
      waiter.unlink?.();
      waiter.resolve();
      return true;
    }
    return false;
  }

  #before(a: Waiter, b: Waiter): boolean {
    return a.rank < b.rank || (a.rank === b.rank && a.order < b.order);
  }

  #push(waiter: Waiter): void {
    const heap = this.#heap;
    heap.push(waiter);
    for (let at = heap.length - 1; at > 0; ) {
      const parent = (at - 1) >> 1;
      if (!this.#before(waiter, heap[parent] as Waiter)) break;
      heap[at] = heap[parent] as Waiter;
      heap[parent] = waiter;
      at = parent;
    }
  }

  #pop(): Waiter | undefined {
    const heap = this.#heap;
    const top = heap[0];
    const last = heap.pop();
    if (top === undefined || last === undefined || heap.length === 0) return top;
    heap[0] = last;
    for (let at = 0; ; ) {
      const left = 2 * at + 1;
      const right = left + 1;
      let first = at;
      if (left < heap.length && this.#before(heap[left] as Waiter, heap[first] as Waiter)) first = left;
      if (right < heap.length && this.#before(heap[right] as Waiter, heap[first] as Waiter)) first = right;
      if (first === at) break;
      [heap[at], heap[first]] = [heap[first] as Waiter, heap[at] as Waiter];
      at = first;
    }
    return top;
  }
}
