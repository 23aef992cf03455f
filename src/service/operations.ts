// What the route layer answers for each operation, over an engine: the fake's in-memory store and
// Docker alike. The map is typed by OperationId, so an operation added to the spec without an
// answer here fails the type check (and a test checks the same at run time).
import type { OperationId, ProcessV2 } from "../index.js";
import { knownValues } from "../generated/operations.js";
import type { EngineProcess, ProcessEngine, ProcessFilter } from "./engine.js";

/** An answer of the route layer: a status and a JSON body (none for 204). */
export interface ServiceAnswer {
  status: number;
  body?: unknown;
}

/** What an operation's answer is made from: its decoded, checked parameters and the engine. */
export interface OperationContext {
  appId: string;
  pathParams: Record<string, string>;
  query: Record<string, string[]>;
  engine: ProcessEngine;
  /** Unix ms, for the metrics window's default end. */
  now: number;
}

type Operation = (context: OperationContext) => Promise<ServiceAnswer>;

/** How many processes a latest-processes answer holds at most (Hathora's rule). */
export const LATEST_LIMIT = 10;

/** Most data points one metrics answer may hold per metric; more is a 422. */
export const MAX_METRIC_POINTS = 10_000;

const notFound = (processId: string): ServiceAnswer => ({ status: 404, body: { message: `Process not found: ${processId}` } });

/**
 * The list filters. `before` is read as an exclusive `createdAt` bound in Unix seconds (fractions
 * honoured), like the spec's other timestamps and as the client checks it.
 */
function filterOf(query: Record<string, string[]>, v2: boolean, limit?: number): ProcessFilter {
  // v2 declares no `before`: an undeclared parameter is ignored, as any other would be.
  const before = v2 ? undefined : query.before?.[0];
  return { status: query.status, region: query.region, before: before === undefined ? undefined : Number(before), limit };
}


/** ProcessV2: no v3-only fields, v2's integer deploymentId. */
export function toV2({ process, deploymentIdV2 }: EngineProcess): ProcessV2 {
  const { bootedAt: _b, scheduledAt: _s, hosting: _h, summaryExitReason: _r, fleetId: _f, deploymentId: _d, ...common } = process;
  return { ...common, deploymentId: deploymentIdV2 };
}

const processId = (context: OperationContext): string => context.pathParams.processId ?? "";

const get =
  (v2: boolean): Operation =>
  async (context) => {
    const found = await context.engine.get(context.appId, processId(context));
    if (found === undefined) return notFound(processId(context));
    return { status: 200, body: v2 ? toV2(found) : found.process };
  };

const latest =
  (v2: boolean): Operation =>
  async ({ appId, query, engine }) => {
    const found = await engine.list(appId, filterOf(query, v2, LATEST_LIMIT));
    return { status: 200, body: found.slice(0, LATEST_LIMIT).map((entry) => (v2 ? toV2(entry) : entry.process)) };
  };

const count =
  (v2: boolean): Operation =>
  async ({ appId, query, engine }) => ({ status: 200, body: { count: await engine.count(appId, filterOf(query, v2)) } });

const create =
  (v2: boolean): Operation =>
  async ({ appId, pathParams, engine }) => {
    const created = await engine.create(appId, pathParams.region ?? "");
    return { status: 201, body: v2 ? toV2(created) : created.process };
  };

const stop: Operation = async (context) => ((await context.engine.stop(context.appId, processId(context))) === undefined ? notFound(processId(context)) : { status: 204 });

const metrics: Operation = async (context) => {
  const { query, now } = context;
  const end = query.end?.[0] === undefined ? Math.floor(now / 1000) : Number(query.end[0]);
  const start = query.start?.[0] === undefined ? end - 3600 : Number(query.start[0]);
  const step = query.step?.[0] === undefined ? 60 : Number(query.step[0]);
  if (start > end) return { status: 422, body: { message: `start (${start}) must not be after end (${end})` } };
  if ((end - start) / step + 1 > MAX_METRIC_POINTS) return { status: 422, body: { message: `too many data points: at most ${MAX_METRIC_POINTS} per metric, use a larger step` } };
  const known: readonly string[] = knownValues.ProcessMetricName;
  const asked = (query.metrics ?? known).filter((name) => known.includes(name));
  const data = await context.engine.metrics(context.appId, processId(context), { metrics: asked, start, end, step });
  return data === undefined ? notFound(processId(context)) : { status: 200, body: data };
};

/** The answer of each operation. */
export const operations: Record<OperationId, Operation> = {
  GetProcessInfoV2Deprecated: get(true),
  GetLatestProcessesV2Deprecated: latest(true),
  GetProcessesCountExperimentalV2Deprecated: count(true),
  StopProcessV2Deprecated: stop,
  CreateProcessV2Deprecated: create(true),
  GetLatestProcesses: latest(false),
  GetProcessesCountExperimental: count(false),
  CreateProcess: create(false),
  GetProcess: get(false),
  StopProcess: stop,
  GetProcessMetrics: metrics,
};
