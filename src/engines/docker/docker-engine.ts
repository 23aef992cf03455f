// The Docker engine: one container per process (Hathora: "In Docker terminology, a process is
// equivalent to a Docker container"), on each region's Docker Engine. Docker is the record:
// labels, the container's name and Docker's own state answer every question, so a restarted
// server, or a second one on the same hosts, answers the same. Only the metrics history lives
// in this server's memory (metrics-history.ts).
import { createHash, randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import type Docker from "dockerode";
import type { ProcessEngine } from "../../service/engine.js";
import { RegionUnavailableError } from "../../service/engine.js";
import type { EngineProcess } from "../../service/engine.js";
import { applyFilter } from "../../service/filter.js";
import type { ResolvedApp, ResolvedConfig, ResolvedRegion } from "../../server/config.js";
import { importOptional } from "../../server/optional-import.js";
import { describe, type ContainerRecord } from "./describe.js";
import { settle, sample, startLifecycleLoop, type LifecycleContext } from "./lifecycle.js";
import { MetricsHistory } from "./metrics-history.js";
import { containerName, LABEL, parseName } from "./names.js";
import { RegionHost } from "./region-host.js";

/** How often each region's containers are settled (readiness, boot deadline, grace, retention). */
const LIFECYCLE_INTERVAL_MS = 250;
/** Longest wait for one Docker Engine call before the region counts as unavailable. */
const DOCKER_TIMEOUT_MS = 15_000;

type DockerModule = { default: new (options: Docker.DockerOptions) => Docker };

function dockerOptions(region: ResolvedRegion): Docker.DockerOptions {
  if (region.docker.startsWith("unix://")) return { socketPath: region.docker.slice("unix://".length), timeout: DOCKER_TIMEOUT_MS };
  const url = new URL(region.docker.replace(/^tcp:/, "http:"));
  const tls = region.tls === undefined ? {} : { protocol: "https" as const, ca: readFileSync(region.tls.ca), cert: readFileSync(region.tls.cert), key: readFileSync(region.tls.key) };
  return { host: url.hostname, port: Number(url.port || 2375), protocol: "http", timeout: DOCKER_TIMEOUT_MS, ...tls };
}

/** v3's deploymentId: one deployment per app configuration, the same on every server with that configuration. */
function deploymentId(app: ResolvedApp): string {
  const hex = createHash("sha256").update(JSON.stringify([app.image, app.containerPort, app.transportType, app.roomsPerProcess, app.env])).digest("hex");
  return `dep-${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** The Docker engine for a configuration; loads dockerode (an optional peer dependency). */
export async function createDockerEngine(config: ResolvedConfig, log: (line: string) => void): Promise<ProcessEngine> {
  const { default: DockerClient } = await importOptional<DockerModule>("dockerode", "the Docker engine (engine: docker)");
  const hosts = new Map(config.regions.map((region) => [region.name, new RegionHost(region, new DockerClient(dockerOptions(region)))]));
  const apps = new Map(config.apps.map((app) => [app.appId, app]));
  const context: LifecycleContext = { config, history: new MetricsHistory(config.metricsKeepMs), now: Date.now };
  const stopLoop = startLifecycleLoop([...hosts.values()], context, LIFECYCLE_INTERVAL_MS, log);
  const graceTimers = new Set<ReturnType<typeof setTimeout>>();
  /** The region each process id was last found in, to ask that host first. */
  const knownRegion = new Map<string, string>();

  const describeAll = (records: ContainerRecord[]): EngineProcess[] => records.map(describe).filter((entry): entry is EngineProcess => entry !== undefined);

  /** Every process of an app in the given regions (all when none given); a host that is down fails the whole answer. */
  async function processesOf(appId: string, regions?: readonly string[]): Promise<EngineProcess[]> {
    const chosen = [...hosts.values()].filter((host) => regions === undefined || regions.includes(host.region.name));
    const found = await Promise.all(chosen.map((host) => host.records({ appId })));
    return describeAll(found.flat());
  }

  /** The container of a process, found on whichever host holds it, and settled now. */
  async function find(appId: string, processId: string): Promise<{ host: RegionHost; record: ContainerRecord } | undefined> {
    const first = knownRegion.get(processId);
    const ordered = [...hosts.values()].sort((a, b) => Number(b.region.name === first) - Number(a.region.name === first));
    let unavailable: RegionUnavailableError | undefined;
    for (const host of ordered) {
      try {
        const [record] = await host.records({ appId, processId });
        if (record === undefined) continue;
        knownRegion.set(processId, host.region.name);
        return { host, record: await settle(host, record, context) };
      } catch (error) {
        if (!(error instanceof RegionUnavailableError)) throw error;
        unavailable ??= error;
      }
    }
    // Not found on the hosts that answered: it may be on the one that did not.
    if (unavailable !== undefined) throw unavailable;
    return undefined;
  }

  const byNewest = (entry: EngineProcess): number => Number.parseInt(entry.process.processId.replace(/-/g, "").slice(0, 12), 16);

  return {
    async create(appId, region) {
      const app = apps.get(appId);
      const host = hosts.get(region);
      if (app === undefined || host === undefined) throw new Error(`no app ${appId} or region ${region} in the configuration`);
      const processId = randomUUID();
      const createdAt = new Date().toISOString();
      const deployment = deploymentId(app);
      const labels: Record<string, string> = {
        [LABEL.processId]: processId,
        [LABEL.appId]: appId,
        [LABEL.region]: region,
        [LABEL.deploymentId]: deployment,
        [LABEL.createdAt]: createdAt,
        [LABEL.containerPort]: String(app.containerPort),
        [LABEL.transportType]: app.transportType,
        [LABEL.publicHost]: host.region.publicHost,
        [LABEL.roomsPerProcess]: String(app.roomsPerProcess),
        [LABEL.bootTimeoutMs]: String(config.bootTimeoutMs),
        [LABEL.stopGraceMs]: String(config.stopGraceMs),
        [LABEL.retentionMs]: String(config.retentionMs),
      };
      const env = { ...app.env, HATHORA_PROCESS_ID: processId, HATHORA_APP_ID: appId, HATHORA_REGION: region, HATHORA_DEPLOYMENT_ID: deployment };
      const portKey = `${app.containerPort}/${app.transportType === "udp" ? "udp" : "tcp"}`;
      let record: ContainerRecord;
      try {
        record = await host.create({ name: containerName(processId), image: app.image, env: Object.entries(env).map(([name, value]) => `${name}=${value}`), labels, portKey });
      } catch (error) {
        if ((error as { statusCode?: unknown }).statusCode === 404) {
          throw new Error(`image ${app.image} is not on the Docker host of region ${region} (the server never pulls): build or load it there`, { cause: error });
        }
        throw error;
      }
      knownRegion.set(processId, region);
      const created = describe(record);
      if (created === undefined) throw new Error(`container ${record.id} lost its labels`);
      return created;
    },
    async get(appId, processId) {
      const found = await find(appId, processId);
      return found === undefined ? undefined : describe(found.record);
    },
    list: async (appId, filter) => applyFilter(await processesOf(appId, filter.region), filter, byNewest),
    count: async (appId, filter) => applyFilter(await processesOf(appId, filter.region), { ...filter, limit: undefined }, byNewest).length,
    async stop(appId, processId) {
      const found = await find(appId, processId);
      if (found === undefined) return undefined;
      const { host, record } = found;
      const status = describe(record)?.process.status;
      if (status === "stopping" || status === "stopped" || status === "failed") return "already-ended";
      const marked = await host.mark(record.id, { stop: Date.now() });
      await host.signal(marked.id, "SIGTERM");
      // SIGKILL after the grace period; if this server dies first, any server's lifecycle loop sends it.
      const timer = setTimeout(() => {
        graceTimers.delete(timer);
        void host.signal(marked.id, "SIGKILL").catch(() => undefined);
      }, config.stopGraceMs);
      graceTimers.add(timer);
      return "stopping";
    },
    async metrics(appId, processId, query) {
      const found = await find(appId, processId);
      if (found === undefined) return undefined;
      const { host, record } = found;
      const id = parseName(record.name)?.processId ?? processId;
      // A reading now, so that a running process always has its current values.
      if (describe(record)?.process.status === "running" && (context.history.lastAt(id) ?? 0) < Math.floor(Date.now() / 1000)) {
        await sample(host, record, context).catch(() => undefined);
      }
      return context.history.series(id, query);
    },
    async close() {
      for (const timer of graceTimers) clearTimeout(timer);
      await stopLoop();
    },
  };
}
