import type { MetricValue, ProcessMetricName } from "../../index.js";
import { listOption, positionals, type Command } from "../command.js";
import { parseDuration, parsePositiveInteger } from "../durations.js";
import { metricChart } from "../format/chart.js";

const DEFAULT_METRICS: ProcessMetricName[] = ["cpu", "memory", "rateEgress", "activeConnections"];

export const metrics: Command = {
  name: "metrics",
  usage: "ID [--metrics cpu,memory,...] [--since 1h] [--step 60]",
  summary: "a chart per metric, with min, max and last, in MiB, KiB/s and percent",
  details: [
    "Metrics: cpu, memory, rateEgress, totalEgress, activeConnections, gpuMemory,",
    "gpuUtilization (and any other the API knows). Units: cpu and gpuUtilization in percent,",
    "memory, gpuMemory and totalEgress in MiB, rateEgress in KiB/s.",
    "The time span ends at the last whole --step before now. A series wider than the",
    "terminal is averaged into its columns; min, max and last are those of the data itself.",
    "--json prints the series as GetProcessMetrics returns them. v3 only.",
  ],
  options: ["metrics", "since", "step"],
  prepare(line) {
    const [processId = ""] = positionals(line, "metrics", 1, 1, "a process id");
    const names = listOption(line.values.metrics) ?? DEFAULT_METRICS;
    const sinceSeconds = Math.max(1, Math.round(parseDuration(line.values.since ?? "1h", "since") / 1000));
    const step = parsePositiveInteger(line.values.step ?? "60", "step");
    return async ({ client, io, json }) => {
      // The span ends on a whole step, so that runs within one step chart the same points.
      const end = Math.floor(Date.now() / 1000 / step) * step;
      const data = await client.processesV3.getProcessMetrics({ processId, metrics: names, start: end - sinceSeconds, end, step });
      if (json) return io.json(data);
      names.forEach((name, index) => {
        if (index > 0) io.out("");
        // A metric this version does not list is still a key of the answer (the enum is open).
        const series = (data as Record<string, MetricValue[] | undefined>)[name] ?? [];
        for (const chartLine of metricChart(name, series, step, io.width, io.outColour)) io.out(chartLine);
      });
    };
  },
};
