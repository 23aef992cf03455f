// One metric as a terminal chart (drawn by asciichart), with its min, max and last value in the
// metric's unit and the time span it covers.
import { plot } from "asciichart";
import type { MetricValue } from "../../index.js";
import type { Palette } from "./colour.js";
import { localClock } from "./time.js";
import { formatValue, unitOf } from "./units.js";

const HEIGHT = 8;

/** The lines of one metric's chart (one point per `stepSeconds`), at most `width` columns wide. */
export function metricChart(metric: string, series: readonly MetricValue[], stepSeconds: number, width: number, colour: Palette): string[] {
  const unit = unitOf(metric);
  const title = colour.bold(unit.label ? `${metric} (${unit.label})` : metric);
  const first = series[0];
  const last = series[series.length - 1];
  if (first === undefined || last === undefined) return [`${title}  no data in this time span`];
  const values = series.map((point) => unit.convert(point.value));
  const [min, max] = [Math.min(...values), Math.max(...values)];
  const shown = (value: number) => formatValue(value, unit);
  const labelWidth = Math.max(shown(min).length, shown(max).length);
  const columns = Math.max(10, width - labelWidth - 3);
  const perColumn = Math.ceil(values.length / columns);
  const drawing = plot(averages(values, perColumn), {
    height: max === min ? 1 : HEIGHT,
    // asciichart puts the whole label in one cell before the axis: a space of our own keeps it off the axis.
    offset: 2,
    // asciichart computes the bottom label as max - range, which floating point can put on the other
    // side of a rounding edge from min (0.2 - 0.15 shows 0.0 where 0.05 shows 0.1): the ends of the
    // axis show min and max themselves, as the title line does.
    format: (value) => `${shown(snapToEnds(value, min, max)).padStart(labelWidth)} `,
    colors: [colour.chartColour],
  });
  const span = `${localClock(new Date(first.timestamp * 1000))} to ${localClock(new Date(last.timestamp * 1000))}`;
  const resolution = perColumn > 1 ? `, ${perColumn} points per column (averaged)` : `, ${stepSeconds} s per point`;
  return [
    `${title}  min ${shown(min)}  max ${shown(max)}  last ${shown(values[values.length - 1] ?? 0)}`,
    ...drawing.split("\n"),
    colour.dim(`${" ".repeat(labelWidth + 2)}${span}${resolution}`),
  ];
}

/** `value`, or `min` or `max` when it differs from one of them by floating-point error only. */
function snapToEnds(value: number, min: number, max: number): number {
  const tolerance = Math.max(Math.abs(min), Math.abs(max), 1) * 1e-9;
  if (Math.abs(value - min) <= tolerance) return min;
  if (Math.abs(value - max) <= tolerance) return max;
  return value;
}

/** The mean of each run of `size` values: a long series fitted to the terminal's width. */
function averages(values: number[], size: number): number[] {
  if (size <= 1) return values;
  const means: number[] = [];
  for (let start = 0; start < values.length; start += size) {
    const run = values.slice(start, start + size);
    means.push(run.reduce((sum, value) => sum + value, 0) / run.length);
  }
  return means;
}
