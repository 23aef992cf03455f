// The client's retry budget, after the AWS SDK's standard retry strategy: one pool of tokens per
// client. A retry takes `retryCost` tokens (`timeoutCost` after a time limit or a connection
// failure); when the pool cannot pay, the failure is thrown at once. A call that succeeds at
// once gives 1 token back, a call that succeeds after retrying gives back what its last retry
// took, never beyond `capacity`. In an outage the pool empties after capacity / retryCost
// retries (100 by default), so 300 failing calls send 400 requests, not 900; as calls succeed
// again it refills. O(1) per call: a few arithmetic operations, no allocation.

/** The settings of the retry budget (`createHathoraClient({ retryBudget })`). */
export interface RetryBudgetSettings {
  /** Tokens in a full budget; it starts full. @default 500 */
  capacity: number;
  /** Tokens one retry takes. @default 5 */
  retryCost: number;
  /** Tokens one retry takes after a time limit ran out or a connection failed. @default 10 */
  timeoutCost: number;
}

/** The defaults of `retryBudget`, the AWS SDK's. */
export const DEFAULT_RETRY_BUDGET: Readonly<RetryBudgetSettings> = { capacity: 500, retryCost: 5, timeoutCost: 10 };

/** What a successful call without a retry gives back. */
const NO_RETRY_INCREMENT = 1;

export class RetryBudget {
  readonly #capacity: number;
  readonly #retryCost: number;
  readonly #timeoutCost: number;
  #tokens: number;

  constructor({ capacity, retryCost, timeoutCost }: RetryBudgetSettings) {
    this.#capacity = capacity;
    this.#retryCost = retryCost;
    this.#timeoutCost = timeoutCost;
    this.#tokens = capacity;
  }

  /** Tokens left now. */
  get tokens(): number {
    return this.#tokens;
  }

  /** Takes the price of one retry: the tokens taken, or undefined when the budget cannot pay. */
  take(kind: "retry" | "timeout"): number | undefined {
    const cost = kind === "timeout" ? this.#timeoutCost : this.#retryCost;
    if (this.#tokens < cost) return undefined;
    this.#tokens -= cost;
    return cost;
  }

  /** A call succeeded; `lastCost` is what its last retry took (undefined: it did not retry). */
  succeeded(lastCost: number | undefined): void {
    const tokens = this.#tokens + (lastCost ?? NO_RETRY_INCREMENT);
    this.#tokens = tokens > this.#capacity ? this.#capacity : tokens;
  }
}
