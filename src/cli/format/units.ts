// The unit each metric is shown in: bytes as MiB, egress as a rate, CPU as percent.

/** How a metric's values read: their unit, the conversion from the API's value, the decimals. */
export interface MetricUnit {
  /** Shown after the metric's name; empty for a plain count. */
  label: string;
  convert(value: number): number;
  digits: number;
}

const MIB = 2 ** 20;
const percent: MetricUnit = { label: "%", convert: (value) => value, digits: 1 };
const mebibytes: MetricUnit = { label: "MiB", convert: (value) => value / MIB, digits: 1 };

// The API's units (the spec and the fake say so): cpu and gpuUtilization in percent, memory,
// gpuMemory and totalEgress in bytes, rateEgress in bytes per second.
const UNITS: Record<string, MetricUnit> = {
  cpu: percent,
  gpuUtilization: percent,
  memory: mebibytes,
  gpuMemory: mebibytes,
  totalEgress: mebibytes,
  rateEgress: { label: "KiB/s", convert: (value) => value / 1024, digits: 1 },
  activeConnections: { label: "", convert: (value) => value, digits: 0 },
};

// A metric this version does not know (Hathora adds some): its values as they come.
const UNKNOWN: MetricUnit = { label: "", convert: (value) => value, digits: 2 };

/** The unit `metric` is shown in. */
export function unitOf(metric: string): MetricUnit {
  return UNITS[metric] ?? UNKNOWN;
}

/** A converted value with the unit's decimals: `31.2`. */
export function formatValue(value: number, unit: MetricUnit): string {
  return value.toFixed(unit.digits);
}
