// The public names of the spec's schemas: aliases of the generated components, declared once.
// Open enums (Region, ProcessStatus, ...) are `"known" | ... | (string & {})`: a value Hathora
// adds tomorrow is still a valid Region.
import type { knownValues } from "../generated/operations.js";
import type { components } from "../generated/schema.js";

type Schemas = components["schemas"];

export type ProcessV2 = Schemas["ProcessV2"];
export type ProcessV3 = Schemas["ProcessV3"];
export type ExposedPort = Schemas["ExposedPort"];
export type Region = Schemas["Region"];
export type ProcessStatus = Schemas["ProcessStatus"];
export type TransportType = Schemas["TransportType"];
export type Hosting = Schemas["Hosting"];
export type ProcessMetricName = Schemas["ProcessMetricName"];
export type MetricValue = Schemas["MetricValue"];
export type ProcessMetricsData = Schemas["ProcessMetricsData"];
export type ProcessCount = Schemas["ProcessCount"];
export type ApiErrorBody = Schemas["ApiError"];

/** The regions this version of the spec lists; `Region` also accepts any other string. */
export type KnownRegion = (typeof knownValues.Region)[number];
/** The statuses this version of the spec lists; `ProcessStatus` also accepts any other string. */
export type KnownProcessStatus = (typeof knownValues.ProcessStatus)[number];
