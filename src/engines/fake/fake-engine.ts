// The in-memory engine: one ProcessStore per app, on a clock it is given (the fake's virtual
// clock in hathora-processes/testing, the wall clock in the server's `engine: fake`). Nothing
// runs: processes move from `starting` to `running` after bootMs, and metrics are made up from
// a seed (plausible, repeatable numbers: this engine is a test double, not a measurement).
import type { ProcessEngine } from "../../service/engine.js";
import { applyFilter } from "../../service/filter.js";
import { metricSeries } from "./metrics.js";
import { ProcessStore } from "./process-store.js";

/** How the fake engine's processes behave, and what they look like. */
export interface FakeEngineSettings {
  /** The apps it serves, each with how its processes are exposed. */
  apps: ReadonlyArray<{ appId: string; host?: string | undefined; transportType?: string | undefined; roomsPerProcess?: number | undefined }>;
  /** Milliseconds from create (`starting`) to `running`. */
  bootMs: number;
  /** Milliseconds from stop (`stopping`) to `stopped`. */
  stopMs: number;
  /** Draws process ids (seeded in the fake, so ids repeat from run to run). */
  random: () => number;
  /** Fixes the made-up metric values. */
  seed: number;
  /** Unix ms. */
  now: () => number;
}

/** The fake engine, and each app's store (the fake's `addProcess`, `setStatus`... reach into it). */
export interface FakeEngine extends ProcessEngine {
  store(appId: string): ProcessStore | undefined;
}

/** v2's integer deploymentId: the fake has one deployment per app. */
const DEPLOYMENT_V2 = 1;

/** An in-memory engine for `settings.apps`. */
export function createFakeEngine(settings: FakeEngineSettings): FakeEngine {
  const stores = new Map<string, ProcessStore>();
  for (const app of settings.apps) {
    stores.set(app.appId, new ProcessStore({ ...app, bootMs: settings.bootMs, stopMs: settings.stopMs, random: settings.random, now: settings.now }));
  }
  const storeOf = (appId: string): ProcessStore => {
    const store = stores.get(appId);
    // The route layer answers 404 for an app it does not know before any engine is asked.
    if (store === undefined) throw new Error(`fake engine: no app ${appId}`);
    return store;
  };
  const entry = (process: ReturnType<ProcessStore["get"]>) => (process === undefined ? undefined : { process, deploymentIdV2: DEPLOYMENT_V2 });
  // The store keeps its processes newest first already; the index keeps that order for ties.
  const listed = (appId: string) => storeOf(appId).all().map((process, index, all) => ({ process, deploymentIdV2: DEPLOYMENT_V2, sequence: all.length - index }));

  return {
    store: (appId) => stores.get(appId),
    create: async (appId, region) => ({ process: storeOf(appId).create(region), deploymentIdV2: DEPLOYMENT_V2 }),
    get: async (appId, processId) => entry(storeOf(appId).get(processId)),
    list: async (appId, filter) => applyFilter(listed(appId), filter, (found) => found.sequence).map(({ process, deploymentIdV2 }) => ({ process, deploymentIdV2 })),
    count: async (appId, filter) => applyFilter(listed(appId), { ...filter, limit: undefined }, (found) => found.sequence).length,
    async stop(appId, processId) {
      const store = storeOf(appId);
      const before = store.get(processId);
      if (before === undefined) return undefined;
      store.stop(processId);
      return ["stopping", "stopped", "failed"].includes(before.status) ? "already-ended" : "stopping";
    },
    async metrics(appId, processId, { metrics, start, end, step }) {
      const process = storeOf(appId).get(processId);
      return process === undefined ? undefined : metricSeries(process, [...metrics], start, end, step, settings.seed, settings.now());
    },
    close: async () => {},
  };
}
