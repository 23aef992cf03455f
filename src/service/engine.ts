// What runs the processes under the one route layer (service/answer.ts): the fake's in-memory
// store (engines/fake), Docker Engine (engines/docker), and, on paper, Agones (see
// docs/self-hosted-server.md). The route layer checks the token, the route, the app, the
// parameters and the region before an engine is asked anything; an engine only runs processes
// and tells their state, per app and region, in Hathora's terms.
import type { ProcessMetricsData, ProcessV3 } from "../index.js";

/** A process as an engine tells it: a ProcessV3, plus v2's integer deployment id. */
export interface EngineProcess {
  process: ProcessV3;
  /** ProcessV2's `deploymentId` (an integer that "increments by 1" on Hathora). */
  deploymentIdV2: number;
}

/** The filters of a list or count, already checked by the route layer. */
export interface ProcessFilter {
  /** Only processes whose status is one of these. */
  status?: readonly string[] | undefined;
  /** Only processes in one of these regions. */
  region?: readonly string[] | undefined;
  /** Only processes created strictly before this Unix time in seconds (fractions count). */
  before?: number | undefined;
  /** At most this many, the newest first. */
  limit?: number | undefined;
}

/** A metrics request, defaults applied and checked: Unix seconds, `step` seconds per point. */
export interface MetricsQuery {
  /** Known metric names only (the layer drops unknown ones). */
  metrics: readonly string[];
  start: number;
  end: number;
  step: number;
}

/** What StopProcess did: asked the process to stop, or found it already ended or stopping. */
export type StopOutcome = "stopping" | "already-ended";

/**
 * The engine interface: one implementation per folder under src/engines/. Every method is per
 * app (an app id the route layer knows) and answers undefined for a process it does not hold.
 * An engine that cannot reach where a region runs throws `RegionUnavailableError`.
 */
export interface ProcessEngine {
  /** Starts a process of `appId` in `region`; answers it as it is now (`starting`). */
  create(appId: string, region: string): Promise<EngineProcess>;
  /** One process, as it is now. */
  get(appId: string, processId: string): Promise<EngineProcess | undefined>;
  /** The app's processes matching `filter`, newest first (by `createdAt`, ties in a stable order). */
  list(appId: string, filter: ProcessFilter): Promise<EngineProcess[]>;
  /** How many of the app's processes match `filter` (its `limit` does not apply). */
  count(appId: string, filter: ProcessFilter): Promise<number>;
  /** Asks a process to stop (SIGTERM, then SIGKILL after a grace period, or the engine's like). */
  stop(appId: string, processId: string): Promise<StopOutcome | undefined>;
  /** The process's metrics between `start` and `end`; only what was measured, never made up. */
  metrics(appId: string, processId: string, query: MetricsQuery): Promise<ProcessMetricsData | undefined>;
  /** Stops the engine's own timers and connections; never touches a running process. */
  close(): Promise<void>;
}

/** Thrown by an engine when the host of a region cannot be reached: the route layer answers 503. */
export class RegionUnavailableError extends Error {
  override readonly name = "RegionUnavailableError";
  /** The region whose host did not answer. */
  readonly region: string;

  constructor(region: string, detail: string, options?: { cause?: unknown }) {
    super(`Region ${region} is unavailable: ${detail}`, options);
    this.region = region;
  }
}
