// What the fake answers for each operation, over the one process table both API versions share.
// The map is typed by OperationId, so an operation added to the spec without an answer here
// fails the type check (and a test checks the same at run time).
import type { OperationId, ProcessV2, ProcessV3 } from "../index.js";
import { MAX_METRIC_POINTS, metricSeries } from "./metrics.js";
import type { ProcessStore } from "./process-store.js";
import { knownValues } from "../generated/operations.js";

/** An answer of the fake: a status and a JSON body (none for 204). */
export interface FakeAnswer {
  status: number;
  body?: unknown;
}

/** What a handler gets: the decoded path parameters, the query, the store and the time. */
export interface HandlerContext {
  pathParams: Record<string, string>;
  query: Record<string, string[]>;
  store: ProcessStore;
  now: number;
  seed: number;
}

type Handler = (context: HandlerContext) => FakeAnswer;

/** How many processes a latest-processes answer holds at most. */
export const LATEST_LIMIT = 10;

const notFound = (processId: string): FakeAnswer => ({ status: 404, body: { message: `Process not found: ${processId}` } });

/**
 * Processes matching the status, region and (v3) before filters. `before` is read as a
 * `createdAt` bound in Unix seconds (exclusive), like the spec's other timestamps and as the
 * client checks it (a value that is plainly milliseconds is refused before sending).
 */
function filtered<P extends ProcessV2 | ProcessV3>(processes: P[], query: Record<string, string[]>): P[] {
  const { status, region, before } = query;
  const bound = before?.[0] === undefined ? undefined : Number(before[0]);
  return processes.filter(
    (process) =>
      (status === undefined || status.includes(process.status)) &&
      (region === undefined || region.includes(process.region)) &&
      (bound === undefined || Date.parse(process.createdAt) < bound * 1000),
  );
}

const getV3: Handler = ({ pathParams, store }) => {
  const process = store.get(pathParams.processId ?? "");
  return process === undefined ? notFound(pathParams.processId ?? "") : { status: 200, body: process };
};

const getV2: Handler = ({ pathParams, store }) => {
  const process = store.getV2(pathParams.processId ?? "");
  return process === undefined ? notFound(pathParams.processId ?? "") : { status: 200, body: process };
};

const stop: Handler = ({ pathParams, store }) => (store.stop(pathParams.processId ?? "") ? { status: 204 } : notFound(pathParams.processId ?? ""));

const metrics: Handler = ({ pathParams, query, store, now, seed }) => {
  const process = store.get(pathParams.processId ?? "");
  if (process === undefined) return notFound(pathParams.processId ?? "");
  const end = query.end?.[0] === undefined ? Math.floor(now / 1000) : Number(query.end[0]);
  const start = query.start?.[0] === undefined ? end - 3600 : Number(query.start[0]);
  const step = query.step?.[0] === undefined ? 60 : Number(query.step[0]);
  if (start > end) return { status: 422, body: { message: `start (${start}) must not be after end (${end})` } };
  if ((end - start) / step + 1 > MAX_METRIC_POINTS) return { status: 422, body: { message: `too many data points: at most ${MAX_METRIC_POINTS} per metric, use a larger step` } };
  const known: readonly string[] = knownValues.ProcessMetricName;
  const asked = (query.metrics ?? known).filter((name) => known.includes(name));
  return { status: 200, body: metricSeries(process, asked, start, end, step, seed, now) };
};

/** The answer of each operation. */
export const handlers: Record<OperationId, Handler> = {
  GetProcessInfoV2Deprecated: getV2,
  GetLatestProcessesV2Deprecated: ({ query, store }) => ({ status: 200, body: filtered(store.allV2(), query).slice(0, LATEST_LIMIT) }),
  GetProcessesCountExperimentalV2Deprecated: ({ query, store }) => ({ status: 200, body: { count: filtered(store.allV2(), query).length } }),
  StopProcessV2Deprecated: stop,
  CreateProcessV2Deprecated: ({ pathParams, store }) => {
    const created = store.create(pathParams.region ?? "");
    return { status: 201, body: store.getV2(created.processId) };
  },
  GetLatestProcesses: ({ query, store }) => ({ status: 200, body: filtered(store.all(), query).slice(0, LATEST_LIMIT) }),
  GetProcessesCountExperimental: ({ query, store }) => ({ status: 200, body: { count: filtered(store.all(), query).length } }),
  CreateProcess: ({ pathParams, store }) => ({ status: 201, body: store.create(pathParams.region ?? "") }),
  GetProcess: getV3,
  StopProcess: stop,
  GetProcessMetrics: metrics,
};
