// The ends of a chart's axis say the same as its title line: min at the bottom, max at the top,
// also where asciichart's arithmetic (the bottom label is max - range) lands on the other side of
// a rounding edge. This made a metrics test fail now and then (`expected '6.4' to be '6.3'`): the
// fake's series moves with the clock, and sometimes its min sat on such an edge.
import { describe, expect, it } from "vitest";
import { metricChart } from "../../src/cli/format/chart.js";
import { palette } from "../../src/cli/format/colour.js";

const series = (values: number[]) => values.map((value, index) => ({ timestamp: 1_700_000_000 + index * 60, value }));
const axisEnds = (lines: string[]) => [lines[1]?.trim().split(" ")[0], lines.at(-2)?.trim().split(" ")[0]];

describe("a metric chart's axis", () => {
  it("shows min and max as the title does where max - range rounds differently from min", () => {
    // asciichart's bottom label is 0.2 - (0.2 - 0.05) = 0.04999999999999999, shown 0.0; min 0.05 is shown 0.1.
    const lines = metricChart("cpu", series([0.2, 0.1, 0.05, 0.1]), 60, 80, palette(false));
    expect(lines[0]).toBe("cpu (%)  min 0.1  max 0.2  last 0.1");
    expect(axisEnds(lines)).toEqual(["0.2", "0.1"]);
  });

  it("keeps the labels between the ends as asciichart computes them", () => {
    const lines = metricChart("cpu", series([0, 8]), 60, 80, palette(false));
    const labels = lines.slice(1, -1).map((line) => Number(line.trim().split(" ")[0]));
    expect(labels).toEqual([8, 7, 6, 5, 4, 3, 2, 1, 0]);
  });
});
