// The public names of the spec's schemas: aliases of the generated components, declared once.
import type { components } from "../generated/schema.js";

type Schemas = components["schemas"];

export type ProcessV2 = Schemas["ProcessV2"];
export type ProcessV3 = Schemas["ProcessV3"];
export type ExposedPort = Schemas["ExposedPort"];
export type NullableExposedPort = Schemas["NullableExposedPort"];
export type Region = Schemas["Region"];
export type ProcessStatus = Schemas["ProcessStatus"];
export type TransportType = Schemas["TransportType"];
export type Hosting = Schemas["Hosting"];
export type ProcessMetricName = Schemas["ProcessMetricName"];
export type MetricValue = Schemas["MetricValue"];
export type ProcessMetricsData = Schemas["ProcessMetricsData"];
export type ProcessCount = Schemas["ProcessCount"];
export type ApiErrorBody = Schemas["ApiError"];
