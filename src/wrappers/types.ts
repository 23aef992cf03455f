// The public names of the spec's schemas: aliases of the generated components, declared once.
// Open enums (Region, ProcessStatus, ...) are `"known" | ... | (string & {})`: a value Hathora
// adds tomorrow is still a valid Region.
import type { knownValues } from "../generated/operations.js";
import type { components } from "../generated/schema.js";

export type ProcessV2 = components["schemas"]["ProcessV2"];
export type ProcessV3 = components["schemas"]["ProcessV3"];
export type ExposedPort = components["schemas"]["ExposedPort"];
export type Region = components["schemas"]["Region"];
export type ProcessStatus = components["schemas"]["ProcessStatus"];
export type TransportType = components["schemas"]["TransportType"];
export type Hosting = components["schemas"]["Hosting"];
export type ProcessMetricName = components["schemas"]["ProcessMetricName"];
export type MetricValue = components["schemas"]["MetricValue"];
export type ProcessMetricsData = components["schemas"]["ProcessMetricsData"];
export type ProcessCount = components["schemas"]["ProcessCount"];
export type ApiErrorBody = components["schemas"]["ApiError"];

/** The regions this version of the spec lists; `Region` also accepts any other string. */
export type KnownRegion = (typeof knownValues.Region)[number];
/** The statuses this version of the spec lists; `ProcessStatus` also accepts any other string. */
export type KnownProcessStatus = (typeof knownValues.ProcessStatus)[number];
