// Failure injection, as client-go's reactors do per verb: `failNext` queues failures that the
// next matching requests meet instead of (or, for a lost response, after) the fake's answer.
import type { OperationId } from "../index.js";

/** A failure for `failNext`. `delayMs` (virtual) may come alone or before any other failure. */
export type FakeFailure =
  | { status: number; retryAfterSeconds?: number; message?: string; delayMs?: number }
  | { network: "refused" | "lost-response"; delayMs?: number }
  | { delayMs: number };

/** Which requests a queued failure applies to: one operation, or `"*"` for any. */
export type FailureTarget = OperationId | "*";

interface Queued {
  target: FailureTarget;
  failure: FakeFailure;
  remaining: number;
}

/** The queue of failures still to be met, in the order they were queued. */
export class FailureQueue {
  #queue: Queued[] = [];

  add(target: FailureTarget, failure: FakeFailure, times: number): void {
    this.#queue.push({ target, failure: structuredClone(failure), remaining: times });
  }

  /** Takes the first failure queued for this operation (or for any), if there is one. */
  take(operationId: OperationId | undefined): FakeFailure | undefined {
    const entry = this.#queue.find((queued) => queued.target === "*" || queued.target === operationId);
    if (entry === undefined) return undefined;
    entry.remaining--;
    if (entry.remaining <= 0) this.#queue.splice(this.#queue.indexOf(entry), 1);
    return entry.failure;
  }

  clear(): void {
    this.#queue = [];
  }
}
