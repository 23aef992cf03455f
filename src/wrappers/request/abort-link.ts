// Links a caller's AbortSignal to one attempt or one wait without `AbortSignal.any`. Services
// pass one long-lived signal (a shutdown signal) to every call: Node keeps each signal made by
// `AbortSignal.any` reachable from its source for as long as the source lives (nodejs/node#55351),
// and warns once more than 10 listeners wait on one signal. Here each signal gets one listener,
// however many calls wait on it, and each call's callback is dropped as soon as it is done.

interface Waiters {
  callbacks: Set<() => void>;
  listener: () => void;
}

const waitersBySignal = new WeakMap<AbortSignal, Waiters>();

/** Calls `callback` once if `signal` aborts; the returned function unlinks it (call it when done). */
export function onAbort(signal: AbortSignal, callback: () => void): () => void {
  let waiters = waitersBySignal.get(signal);
  if (!waiters) {
    const callbacks = new Set<() => void>();
    const listener = () => {
      waitersBySignal.delete(signal);
      for (const waiting of callbacks) waiting();
    };
    waiters = { callbacks, listener };
    waitersBySignal.set(signal, waiters);
    signal.addEventListener("abort", listener, { once: true });
  }
  const current = waiters;
  current.callbacks.add(callback);
  return () => {
    if (!current.callbacks.delete(callback) || current.callbacks.size > 0) return;
    signal.removeEventListener("abort", current.listener);
    if (waitersBySignal.get(signal) === current) waitersBySignal.delete(signal);
  };
}

/** Makes `controller` abort when `signal` does (with its reason); returns the function that unlinks it. */
export function linkSignal(signal: AbortSignal | undefined, controller: AbortController): () => void {
  if (!signal) return noop;
  if (signal.aborted) {
    controller.abort(signal.reason);
    return noop;
  }
  return onAbort(signal, () => controller.abort(signal.reason));
}

function noop(): void {}
