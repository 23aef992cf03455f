// The client options that shape its traffic as a whole rather than one request: the retry
// budget, the concurrency limit and a shared rate limiter. Their types, defaults and checks;
// client-options.ts lists them with the others.
import { ConfigError } from "../errors/config-error.js";
import type { RateLimiter } from "../request/rate-limiter.js";
import { DEFAULT_RETRY_BUDGET, type RetryBudgetSettings } from "../request/retry-budget.js";
import { describeValue, failIf, rejectUnknownOptions, wholeNumber, type Check } from "./setting-checks.js";

/** The client's retry budget (`retryBudget`); each field left out takes its default. */
export interface RetryBudgetOptions {
  /** Tokens in a full budget; it starts full. @default 500 */
  capacity?: number | undefined;
  /** Tokens one retry takes. @default 5 */
  retryCost?: number | undefined;
  /** Tokens one retry takes after a time limit ran out or a connection failed. @default 10 */
  timeoutCost?: number | undefined;
}

/** The options of `createHathoraClient` about its traffic as a whole. */
export interface TrafficOptions {
  /**
   * One pool of retries for the whole client, so that an outage does not triple the traffic:
   * each retry takes `retryCost` tokens (`timeoutCost` after a time limit or a connection
   * failure), a call that succeeds gives some back, and when the pool cannot pay the failure is
   * thrown at once (its message says the retry budget is spent). Fields left out take their
   * defaults; `false` turns the budget off (each call then retries up to `maxRetries` on its own).
   * @default { capacity: 500, retryCost: 5, timeoutCost: 10 }
   */
  retryBudget?: RetryBudgetOptions | false | undefined;
  /**
   * The most attempts of this client in flight at once; others wait in order of arrival (their
   * signal works while they wait, and `timeoutMs` starts when the attempt is sent).
   * @default Infinity (no limit)
   */
  maxConcurrency?: number | undefined;
  /**
   * A limit shared with other clients (other replicas of your service): asked before every
   * attempt and told of every 429. See `createRedisRateLimiter` in `hathora-processes/redis`.
   * @default undefined (the client paces only itself)
   */
  rateLimiter?: RateLimiter | undefined;
}

/** The traffic options, checked, with their defaults. */
export interface ResolvedTraffic {
  retryBudget: RetryBudgetSettings | undefined;
  maxConcurrency: number;
  rateLimiter: RateLimiter | undefined;
}

/** The names `createHathoraClient` accepts for these options. */
export const TRAFFIC_OPTIONS = { retryBudget: true, maxConcurrency: true, rateLimiter: true } satisfies { [Key in keyof TrafficOptions]-?: true };

const BUDGET_FIELDS = Object.keys(DEFAULT_RETRY_BUDGET);
const costCheck: Check = wholeNumber(0);

export function resolveTraffic(options: TrafficOptions, where: string): ResolvedTraffic {
  const { retryBudget, maxConcurrency = Number.POSITIVE_INFINITY, rateLimiter } = options;
  if (maxConcurrency !== Number.POSITIVE_INFINITY) failIf(wholeNumber(1)(maxConcurrency), "maxConcurrency", maxConcurrency, where);
  if (rateLimiter !== undefined) {
    const limiter = rateLimiter as Partial<RateLimiter> | null;
    const problem =
      typeof limiter !== "object" || limiter === null || typeof limiter.acquire !== "function"
        ? "must be an object with an acquire(request) function"
        : limiter.rateLimited !== undefined && typeof limiter.rateLimited !== "function"
          ? "rateLimited must be a function when given"
          : undefined;
    failIf(problem, "rateLimiter", rateLimiter, where);
  }
  return { retryBudget: resolveBudget(retryBudget, where), maxConcurrency, rateLimiter };
}

function resolveBudget(given: TrafficOptions["retryBudget"], where: string): RetryBudgetSettings | undefined {
  if (given === false) return undefined;
  if (given === undefined) return { ...DEFAULT_RETRY_BUDGET };
  if (typeof given !== "object" || given === null || Array.isArray(given)) {
    throw new ConfigError(`${where}: retryBudget must be an object ({ capacity, retryCost, timeoutCost }) or false, got ${describeValue(given)}`);
  }
  rejectUnknownOptions(given, (name) => BUDGET_FIELDS.includes(name), BUDGET_FIELDS, `${where}: retryBudget`);
  const budget = { ...DEFAULT_RETRY_BUDGET };
  for (const name of BUDGET_FIELDS as Array<keyof RetryBudgetSettings>) {
    const value = given[name];
    if (value === undefined) continue;
    failIf((name === "capacity" ? wholeNumber(1) : costCheck)(value), `retryBudget.${name}`, value, where);
    budget[name] = value;
  }
  if (budget.retryCost > budget.capacity && budget.timeoutCost > budget.capacity) {
    throw new ConfigError(`${where}: retryBudget: retryCost (${budget.retryCost}) or timeoutCost (${budget.timeoutCost}) must not exceed capacity (${budget.capacity}), or no retry could ever be paid; retryBudget: false turns the budget off, maxRetries: 0 turns retries off`);
  }
  return budget;
}
