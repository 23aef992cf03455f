// Plausible metric series for GetProcessMetrics: one point per `step` seconds from `start` to
// `end`, while the process was alive, with values drawn from a generator seeded by the process
// id, the metric and the timestamp (so the same request always gets the same numbers).
import type { ProcessMetricsData, ProcessV3 } from "../../index.js";
import { hashString, seededRandom } from "../../service/random.js";

// Ranges of each known metric: cpu in percent of a core, memory and gpuMemory in bytes,
// rateEgress in bytes per second, totalEgress in bytes (grows), activeConnections a count,
// gpuUtilization in percent.
const RANGES: Record<string, [number, number]> = {
  cpu: [2, 60],
  memory: [150e6, 400e6],
  rateEgress: [1e3, 200e3],
  totalEgress: [0, 0],
  activeConnections: [0, 16],
  gpuMemory: [0, 2e9],
  gpuUtilization: [0, 100],
};

/** The series of `metrics` for `process` between `start` and `end` (Unix seconds), each `step` seconds. */
export function metricSeries(process: ProcessV3, metrics: string[], start: number, end: number, step: number, seed: number, nowMs: number): ProcessMetricsData {
  const born = Math.ceil(Date.parse(process.createdAt) / 1000);
  const ended = process.terminatedAt === null ? Math.floor(nowMs / 1000) : Math.floor(Date.parse(process.terminatedAt) / 1000);
  const data: Record<string, Array<{ value: number; timestamp: number }>> = {};
  for (const metric of metrics) {
    const [low, high] = RANGES[metric] ?? [0, 100];
    let total = 0;
    const series: Array<{ value: number; timestamp: number }> = [];
    for (let timestamp = start; timestamp <= end; timestamp += step) {
      if (timestamp < born || timestamp > ended) continue;
      const random = seededRandom(hashString(`${seed}/${process.processId}/${metric}/${timestamp}`))();
      if (metric === "totalEgress") {
        total += Math.round(random * 200e3 * step);
        series.push({ value: total, timestamp });
      } else {
        const value = low + random * (high - low);
        // Counts and byte figures are whole numbers; percentages keep two decimals.
        series.push({ value: high > 100 || metric === "activeConnections" ? Math.round(value) : Math.round(value * 100) / 100, timestamp });
      }
    }
    data[metric] = series;
  }
  return data as ProcessMetricsData;
}
