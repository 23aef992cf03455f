// createFakeHathora: assembles the clock, the process store, the failure queue, the call record,
// the in-process fetch and `listen` into the object a test holds.
import { ConfigError, knownValues, type OperationId, type ProcessV3 } from "../index.js";
import { createFakeEngine } from "../engines/fake/fake-engine.js";
import type { ProcessStore, SeedProcess } from "../engines/fake/process-store.js";
import { createService } from "../service/answer.js";
import { hashString, randomUuid, seededRandom } from "../service/random.js";
import type { FakeCall } from "./calls.js";
import { createClockDriver } from "./clock-driver.js";
import type { ExchangeContext } from "./exchange.js";
import { FailureQueue, type FailureTarget, type FakeFailure } from "./failures.js";
import { createInProcessFetch } from "./in-process-fetch.js";
import { listen, type FakeServer, type ListenOptions } from "./listen.js";
import { RateLimitBuckets, type FakeRateLimit } from "./rate-limit.js";
import { createVirtualClock, type VirtualClock } from "./virtual-clock.js";

/** Options of `createFakeHathora`. */
export interface FakeHathoraOptions {
  /** The one application the fake serves; other app ids get a 404. @default "app-fake" */
  appId?: string | undefined;
  /** The only token it accepts; anything else gets a 401. @default "fake-hathora-token" */
  token?: string | undefined;
  /** Milliseconds from create (`starting`) to `running`. @default 5000 */
  bootMs?: number | undefined;
  /** Milliseconds from stop (`stopping`) to `stopped`. @default 1000 */
  stopMs?: number | undefined;
  /** Fixes process ids and metric values. @default 1 */
  seed?: number | undefined;
  /** The virtual clock's first reading, Unix ms. @default Date.UTC(2026, 0, 1) */
  startTime?: number | undefined;
  /**
   * Skip to the next virtual timer whenever everything waits on the fake's clock. Off: time
   * moves only by `fake.clock.advance(ms)`.
   * @default true
   */
  autoAdvance?: boolean | undefined;
  /**
   * Regions a create may name besides the spec's known ones. A create in any other region is
   * refused as Hathora refuses it: 422, with a message naming the regions it knows.
   * @default []
   */
  regions?: readonly string[] | undefined;
  /**
   * Rate-limit like an API gateway: a token bucket per application, `burst` requests at once
   * and `perSecond` after that; a request beyond it gets a 429 with a `Retry-After` in whole
   * seconds, recorded in `calls` like any other answer.
   * @default undefined (no limit)
   */
  rateLimit?: FakeRateLimit | undefined;
}

/** The options a client needs to talk to the fake in this process, on its virtual clock. */
export interface FakeClientOptions {
  token: string;
  appId: string;
  baseUrl: string;
  fetch: (input: string | URL | Request, init?: RequestInit) => Promise<Response>;
  clock: VirtualClock;
}

/** A stateful, in-memory Hathora Processes API (v2 and v3 over one process table). */
export interface FakeHathora {
  /** Pass to `createHathoraClient` (or `createRawClient`). */
  readonly clientOptions: FakeClientOptions;
  /** The fake's virtual clock (Unix ms). */
  readonly clock: VirtualClock;
  /** The fake as a `fetch`, for any client that takes one. */
  readonly fetch: FakeClientOptions["fetch"];
  readonly appId: string;
  readonly token: string;
  /** Every request so far, in arrival order (never the token). */
  readonly calls: readonly FakeCall[];
  /** Every process the fake holds, newest first, as GetProcess would show it now. */
  processes(): ProcessV3[];
  /** Seeds a process (default status `running`, created now); returns it. */
  addProcess(seed: SeedProcess): ProcessV3;
  /** Puts a process in any status at once (also one Hathora adds later), with extra fields. */
  setStatus(processId: string, status: string, fields?: Partial<ProcessV3>): ProcessV3;
  /** The next `times` requests for `target` (an operationId or "*") meet `failure`. */
  failNext(target: FailureTarget, failure: FakeFailure, times?: number): void;
  /** The next `times` created processes fail at the end of their boot (`failed`, with `summaryExitReason`) instead of running. */
  failNextBoot(summaryExitReason?: string, times?: number): void;
  /** Turns auto-advance on or off. */
  setAutoAdvance(on: boolean): void;
  /** Forgets processes, calls and queued failures, and fills the rate limit's buckets. The clock keeps its time (it never goes back). */
  reset(): void;
  /** Serves the same fake over real HTTP on 127.0.0.1 (Node, Bun, Deno). */
  listen(options?: ListenOptions): Promise<FakeServer>;
}

const nonNegative = (name: string, value: number): number => {
  if (!(Number.isFinite(value) && value >= 0)) throw new ConfigError(`createFakeHathora: ${name} must be a finite number >= 0, got ${String(value)}`);
  return value;
};

/** Creates a fake Hathora; see the README's "Testing your code". */
export function createFakeHathora(options: FakeHathoraOptions = {}): FakeHathora {
  const { appId = "app-fake", token = "fake-hathora-token", bootMs = 5_000, stopMs = 1_000, seed = 1, startTime = Date.UTC(2026, 0, 1), autoAdvance = true, regions = [] } = options;
  for (const [name, value] of Object.entries({ appId, token })) {
    if (typeof value !== "string" || value === "") throw new ConfigError(`createFakeHathora: ${name} must be a non-empty string`);
  }
  if (!Array.isArray(regions) || regions.some((region) => typeof region !== "string" || region === "")) {
    throw new ConfigError("createFakeHathora: regions must be an array of non-empty strings");
  }
  const clock = createVirtualClock(nonNegative("startTime", startTime));
  const driver = createClockDriver(clock, autoAdvance);
  const random = seededRandom(nonNegative("seed", seed));
  const engine = createFakeEngine({ apps: [{ appId }], bootMs: nonNegative("bootMs", bootMs), stopMs: nonNegative("stopMs", stopMs), random, seed, now: clock.now });
  const store = engine.store(appId) as ProcessStore;
  // Request ids from their own seeded stream, so that they neither shift the process ids nor vary between runs.
  const requestRandom = seededRandom(hashString(`request-id/${seed}`));
  const service = createService({
    engine,
    tokens: [token],
    apps: [appId],
    regions: [...new Set([...knownValues.Region, ...regions])],
    regionsOwner: "Hathora",
    requestId: () => `req-${randomUuid(requestRandom)}`,
    now: clock.now,
  });
  const failures = new FailureQueue();
  const calls: FakeCall[] = [];
  const rateLimit = options.rateLimit === undefined ? undefined : new RateLimitBuckets(options.rateLimit);
  const context: ExchangeContext = { service, failures, calls, clock, driver, rateLimit };
  const fetch = createInProcessFetch(context);
  let listening = 0;

  const known = (processId: string): ProcessV3 => {
    const process = store.get(processId);
    if (process === undefined) throw new Error(`fake Hathora holds no process ${processId}`);
    return process;
  };

  return {
    clientOptions: { token, appId, baseUrl: "https://fake-hathora.invalid", fetch, clock },
    clock,
    fetch,
    appId,
    token,
    calls,
    processes: () => store.all(),
    addProcess: (seedProcess) => store.add(seedProcess),
    setStatus(processId, status, fields) {
      known(processId);
      store.setStatus(processId, status, fields);
      return known(processId);
    },
    failNext(target: OperationId | "*", failure, times = 1) {
      if (!(Number.isInteger(times) && times >= 1)) throw new ConfigError(`fake.failNext: times must be a whole number >= 1, got ${String(times)}`);
      failures.add(target, failure, times);
    },
    failNextBoot(summaryExitReason = "Error", times = 1) {
      if (!(Number.isInteger(times) && times >= 1)) throw new ConfigError(`fake.failNextBoot: times must be a whole number >= 1, got ${String(times)}`);
      store.crashNextBoots(summaryExitReason, times);
    },
    setAutoAdvance(on) {
      driver.autoAdvance = on;
      driver.schedule();
    },
    reset() {
      store.clear();
      failures.clear();
      rateLimit?.clear();
      calls.length = 0;
    },
    listen: (listenOptions = {}) =>
      listen(
        context,
        listenOptions,
        () => {
          if (listening++ === 0) clock.followWallTime(true);
        },
        () => {
          if (--listening === 0) clock.followWallTime(false);
        },
      ),
  };
}
