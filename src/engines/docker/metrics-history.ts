// Metrics of the Docker engine: Docker's stats give one reading at a time, so the history is
// kept here, in the server's memory: one point per process every `sampleMs`, for `keepMs`. It
// starts when this server starts (another server, or this one after a restart, has its own).
// A value that needs two readings (cpu, rateEgress) is absent from a process's first point;
// gpuMemory and gpuUtilization are never measured, so never answered.
import type { MetricValue, ProcessMetricsData } from "../../index.js";
import type { MetricsQuery } from "../../service/engine.js";

/** One reading of Docker's stats (`one-shot`), plus the connections counted in /proc. */
export interface StatsReading {
  /** Unix seconds. */
  at: number;
  cpuTotal: number;
  systemCpu: number;
  onlineCpus: number;
  /** Bytes in use less the page cache. */
  memory: number;
  /** Bytes sent, summed over the container's networks. */
  txBytes: number;
  /** Established TCP connections on the game's port; undefined for udp. */
  connections: number | undefined;
}

interface Point {
  at: number;
  reading: StatsReading;
  cpu?: number;
  rateEgress?: number;
}

/** The parts of Docker's stats answer read here (cgroup v1 and v2). */
export interface DockerStats {
  cpu_stats?: { cpu_usage?: { total_usage?: number }; system_cpu_usage?: number; online_cpus?: number };
  memory_stats?: { usage?: number; stats?: { cache?: number; inactive_file?: number } };
  networks?: Record<string, { tx_bytes?: number }>;
}

/** A reading from Docker's stats answer. */
export function readStats(stats: DockerStats, at: number, connections: number | undefined): StatsReading {
  const memory = stats.memory_stats ?? {};
  const cache = memory.stats?.cache ?? memory.stats?.inactive_file ?? 0;
  return {
    at,
    cpuTotal: stats.cpu_stats?.cpu_usage?.total_usage ?? 0,
    systemCpu: stats.cpu_stats?.system_cpu_usage ?? 0,
    onlineCpus: stats.cpu_stats?.online_cpus ?? 1,
    memory: Math.max(0, (memory.usage ?? 0) - cache),
    txBytes: Object.values(stats.networks ?? {}).reduce((sum, network) => sum + (network.tx_bytes ?? 0), 0),
    connections,
  };
}

/** The kept points of every process, by process id. */
export class MetricsHistory {
  readonly #points = new Map<string, Point[]>();
  readonly #keepSeconds: number;

  constructor(keepMs: number) {
    this.#keepSeconds = keepMs / 1000;
  }

  /** Unix seconds of the latest reading of a process, if any. */
  lastAt(processId: string): number | undefined {
    return this.#points.get(processId)?.at(-1)?.at;
  }

  add(processId: string, reading: StatsReading): void {
    const points = this.#points.get(processId) ?? [];
    const previous = points.at(-1)?.reading;
    const point: Point = { at: reading.at, reading };
    if (previous !== undefined && reading.at > previous.at) {
      const system = reading.systemCpu - previous.systemCpu;
      if (system > 0) point.cpu = Math.round(((reading.cpuTotal - previous.cpuTotal) / system) * reading.onlineCpus * 100 * 100) / 100;
      point.rateEgress = Math.max(0, Math.round((reading.txBytes - previous.txBytes) / (reading.at - previous.at)));
    }
    points.push(point);
    while (points[0] !== undefined && points[0].at < reading.at - this.#keepSeconds) points.shift();
    this.#points.set(processId, points);
  }

  /** Forgets a process (its container was removed). */
  forget(processId: string): void {
    this.#points.delete(processId);
  }

  /** The asked metrics: at each `start + k * step` up to `end`, the latest point in the step before it. */
  series(processId: string, query: MetricsQuery): ProcessMetricsData {
    const points = this.#points.get(processId) ?? [];
    const values: Record<string, (point: Point) => number | undefined> = {
      cpu: (point) => point.cpu,
      memory: (point) => point.reading.memory,
      totalEgress: (point) => point.reading.txBytes,
      rateEgress: (point) => point.rateEgress,
      activeConnections: (point) => point.reading.connections,
    };
    const data: Record<string, MetricValue[]> = {};
    for (const metric of query.metrics) {
      const value = values[metric];
      const series: MetricValue[] = [];
      data[metric] = series;
      if (value === undefined) continue; // gpuMemory, gpuUtilization: not measured
      let index = 0;
      let latest: Point | undefined;
      for (let timestamp = query.start; timestamp <= query.end; timestamp += query.step) {
        for (; points[index] !== undefined && (points[index]?.at ?? Infinity) <= timestamp; index++) latest = points[index];
        const measured = latest !== undefined && latest.at > timestamp - query.step ? value(latest) : undefined;
        if (measured !== undefined) series.push({ value: measured, timestamp });
      }
    }
    return data as ProcessMetricsData;
  }
}
