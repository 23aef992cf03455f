// One poll loop per process for the concurrent waits of one client: 20 matchmaking calls
// waiting on the same process made 180 GetProcess polls, each its own loop; now they follow one
// loop and see each answer together. Each wait keeps its own signal, deadline, target status and
// 404 grace: those are read by the follower (wait-for-process.ts), never by the loop. Waits
// share a loop only when their polls would be the same request (same process, app, headers,
// per-poll settings and poll intervals). The loop stops, its poll in flight aborted, when its
// last follower leaves; a wait that starts then gets a new loop.
import { onAbort } from "../request/abort-link.js";
import type { Clock } from "../request/clock.js";
import type { CallOptions } from "../options/call-options.js";
import type { WaitSettings } from "../options/wait-options.js";
import { sleep } from "../request/sleep.js";

type Outcome<P> = { process: P } | { error: unknown };

interface Follower<P> {
  /** The latest outcome not yet taken (when it came while the follower was busy). */
  pending: Outcome<P> | undefined;
  wake: ((outcome: Outcome<P>) => void) | undefined;
}

interface Loop<P> {
  followers: Set<Follower<P>>;
  stop: AbortController;
}

/** A wait's view of its loop: each poll's outcome, in turn. */
export interface PollFeed<P> {
  /** The next poll's process; rejects with the poll's error, or with `signal.reason` when it aborts first. */
  next(signal: AbortSignal): Promise<P>;
  /** Leaves the loop (the last to leave stops it). */
  close(): void;
}

/** The poll loops of one client (of `processesV3` or of `processesV2`). */
export class SharedPolls<P> {
  readonly #clock: Clock;
  readonly #loops = new Map<string, Loop<P>>();

  constructor(clock: Clock) {
    this.#clock = clock;
  }

  /** Follows the loop polling `processId` with these options, started now if none runs. */
  follow(processId: string, call: CallOptions, settings: Pick<WaitSettings, "pollIntervalMs" | "maxPollIntervalMs">, poll: (signal: AbortSignal) => Promise<P>): PollFeed<P> {
    const key = loopKey(processId, call, settings);
    let loop = key === undefined ? undefined : this.#loops.get(key);
    if (loop === undefined) {
      loop = { followers: new Set(), stop: new AbortController() };
      if (key !== undefined) this.#loops.set(key, loop);
      void this.#run(loop, key, settings, poll);
    }
    const follower: Follower<P> = { pending: undefined, wake: undefined };
    loop.followers.add(follower);
    const joined = loop;
    return {
      next: (signal) => nextOutcome(follower, signal),
      close: () => {
        if (!joined.followers.delete(follower) || joined.followers.size > 0) return;
        if (key !== undefined && this.#loops.get(key) === joined) this.#loops.delete(key);
        joined.stop.abort();
      },
    };
  }

  async #run(loop: Loop<P>, key: string | undefined, settings: Pick<WaitSettings, "pollIntervalMs" | "maxPollIntervalMs">, poll: (signal: AbortSignal) => Promise<P>): Promise<void> {
    const { signal } = loop.stop;
    try {
      for (let pause = settings.pollIntervalMs; !signal.aborted; pause = Math.min(settings.maxPollIntervalMs, pause * 1.5)) {
        let outcome: Outcome<P>;
        try {
          outcome = { process: await poll(signal) };
        } catch (error) {
          outcome = { error };
        }
        if (signal.aborted) return;
        for (const follower of loop.followers) deliver(follower, outcome);
        await sleep(pause, signal, this.#clock);
      }
    } catch {
      // Only the stop signal ends a pause early: every follower has left.
    } finally {
      if (key !== undefined && this.#loops.get(key) === loop) this.#loops.delete(key);
    }
  }
}

function deliver<P>(follower: Follower<P>, outcome: Outcome<P>): void {
  if (follower.wake) follower.wake(outcome);
  else follower.pending = outcome;
}

function nextOutcome<P>(follower: Follower<P>, signal: AbortSignal): Promise<P> {
  return new Promise<P>((resolve, reject) => {
    const settle = (outcome: Outcome<P>) => ("error" in outcome ? reject(outcome.error) : resolve(outcome.process));
    if (signal.aborted) return reject(signal.reason);
    const taken = follower.pending;
    if (taken !== undefined) {
      follower.pending = undefined;
      return settle(taken);
    }
    const unlink = onAbort(signal, () => {
      follower.wake = undefined;
      reject(signal.reason);
    });
    follower.wake = (outcome) => {
      follower.wake = undefined;
      unlink();
      settle(outcome);
    };
  });
}

/** Waits share a loop when their polls are the same request; undefined: never shared (headers of an odd kind). */
function loopKey(processId: string, call: CallOptions, settings: Pick<WaitSettings, "pollIntervalMs" | "maxPollIntervalMs">): string | undefined {
  const { headers } = call;
  if (headers !== undefined && (typeof headers !== "object" || Object.getPrototypeOf(headers) !== Object.prototype)) return undefined;
  return JSON.stringify([processId, call.appId, headers, call.maxRetries, call.timeoutMs, call.retryNonIdempotent, settings.pollIntervalMs, settings.maxPollIntervalMs]);
}
