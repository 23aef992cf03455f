// What moves a container's process on, read from Docker each time (so a restarted server, or a
// second one, picks up where any left off): a starting one becomes running once its port is
// bound, or is killed at its boot deadline; a stopping one gets SIGKILL after its grace period;
// an ended one is removed when the retention is over; a running one is measured.
import type { ResolvedConfig } from "../../server/config.js";
import { hasEnded, type ContainerRecord } from "./describe.js";
import { readStats, type MetricsHistory } from "./metrics-history.js";
import { LABEL, parseName } from "./names.js";
import type { RegionHost } from "./region-host.js";
import { establishedConnections, portBound } from "./socket-table.js";

/** What the lifecycle needs besides a host. */
export interface LifecycleContext {
  config: ResolvedConfig;
  history: MetricsHistory;
  now: () => number;
}

const label = (record: ContainerRecord, key: string, fallback: number): number => {
  const value = Number(record.labels[key]);
  return Number.isFinite(value) ? value : fallback;
};

/** Whether the game in a running container has bound its port, by the region's readiness rule. */
async function isReady(host: RegionHost, record: ContainerRecord): Promise<boolean> {
  if (record.status !== "running" || record.hostPort === undefined) return false;
  const readiness = host.region.readiness;
  if (readiness === "started") return true;
  if (readiness === "healthcheck") return record.health === "healthy";
  return portBound(record.pid, label(record, LABEL.containerPort, 0), record.labels[LABEL.transportType] ?? "tcp");
}

/** Takes one reading of a running container's stats into the history. */
export async function sample(host: RegionHost, record: ContainerRecord, context: LifecycleContext): Promise<void> {
  const processId = parseName(record.name)?.processId;
  if (processId === undefined || record.status !== "running") return;
  const udp = record.labels[LABEL.transportType] === "udp";
  const [stats, connections] = await Promise.all([host.stats(record.id), udp ? undefined : establishedConnections(record.pid, label(record, LABEL.containerPort, 0))]);
  context.history.add(processId, readStats(stats, Math.floor(context.now() / 1000), connections));
}

/** Moves one container on as far as it can go now; answers it as it is afterwards. */
export async function settle(host: RegionHost, record: ContainerRecord, context: LifecycleContext): Promise<ContainerRecord> {
  const markers = parseName(record.name);
  if (markers === undefined) return record;
  const now = context.now();
  if (hasEnded(record)) {
    const ended = Date.parse(record.finishedAt.startsWith("0001") ? new Date(Math.max(markers.stop ?? 0, markers.timeout ?? 0)).toISOString() : record.finishedAt);
    if (now >= ended + label(record, LABEL.retentionMs, context.config.retentionMs)) {
      await host.remove(record.id);
      context.history.forget(markers.processId);
    }
    return record;
  }
  if (markers.stop !== undefined || markers.timeout !== undefined) {
    const since = markers.stop ?? markers.timeout ?? now;
    if (record.status === "running" && now >= since + label(record, LABEL.stopGraceMs, context.config.stopGraceMs)) await host.signal(record.id, "SIGKILL");
    return record;
  }
  if (markers.ready !== undefined) {
    const last = context.history.lastAt(markers.processId);
    if (last === undefined || now / 1000 - last >= context.config.metricsSampleMs / 1000) await sample(host, record, context).catch(() => undefined);
    return record;
  }
  if (await isReady(host, record)) return host.mark(record.id, { ready: { at: now, port: record.hostPort ?? 0 } });
  const createdAt = Date.parse(record.labels[LABEL.createdAt] ?? "") || now;
  if (now >= createdAt + label(record, LABEL.bootTimeoutMs, context.config.bootTimeoutMs)) {
    const marked = await host.mark(record.id, { timeout: now });
    await host.signal(record.id, "SIGKILL");
    return host.inspect(marked.id);
  }
  return record;
}

/**
 * Settles every container of the configured apps in each region, every `intervalMs`, until
 * stopped (containers of other apps belong to other servers' configurations); reports a host's
 * failures once per change.
 */
export function startLifecycleLoop(hosts: readonly RegionHost[], context: LifecycleContext, intervalMs: number, log: (line: string) => void): () => Promise<void> {
  const apps = new Set(context.config.apps.map((app) => app.appId));
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  // A host that does not answer is tried again after 1 s, 2 s, 4 s... up to 30 s, not every round.
  const failing = new Map<string, { message: string; failures: number; retryAt: number }>();
  const round = async (): Promise<void> => {
    await Promise.all(
      hosts.map(async (host) => {
        const failed = failing.get(host.region.name);
        if (failed !== undefined && context.now() < failed.retryAt) return;
        try {
          const records = (await host.records()).filter((record) => apps.has(record.labels[LABEL.appId] ?? ""));
          await Promise.all(records.map((record) => settle(host, record, context).catch(() => undefined)));
          if (failing.delete(host.region.name)) log(`region ${host.region.name}: its Docker Engine answers again`);
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          if (failed?.message !== message) log(message);
          const failures = (failed?.failures ?? 0) + 1;
          failing.set(host.region.name, { message, failures, retryAt: context.now() + Math.min(30_000, 1000 * 2 ** (failures - 1)) });
        }
      }),
    );
  };
  let running: Promise<void> = Promise.resolve();
  const loop = (): void => {
    if (stopped) return;
    running = round().finally(() => {
      if (!stopped) timer = setTimeout(loop, intervalMs);
    });
  };
  loop();
  return async () => {
    stopped = true;
    if (timer !== undefined) clearTimeout(timer);
    await running;
  };
}
