// The public names of the spec's schemas: aliases of the generated components, declared once.
// Open enums (Region, ProcessStatus, ...) are `"known" | ... | (string & {})`: a value Hathora
// adds tomorrow is still a valid Region.
import type { knownValues } from "../generated/operations.js";
import type { components } from "../generated/schema.js";

/** A process as the deprecated v2 endpoints return it. */
export type ProcessV2 = components["schemas"]["ProcessV2"];
/** A process as the v3 endpoints return it. */
export type ProcessV3 = components["schemas"]["ProcessV3"];
/** Where players connect to a process: host, port, transport. */
export type ExposedPort = components["schemas"]["ExposedPort"];
/** A Hathora region: the known ones, or any other string (the enum is open). */
export type Region = components["schemas"]["Region"];
/** A process's status: the known ones, or any other string (the enum is open). */
export type ProcessStatus = components["schemas"]["ProcessStatus"];
/** How a port is exposed (tcp, udp, tls, ...; open enum). */
export type TransportType = components["schemas"]["TransportType"];
/** Where a process is hosted (open enum). */
export type Hosting = components["schemas"]["Hosting"];
/** A metric `getProcessMetrics` can return (open enum). */
export type ProcessMetricName = components["schemas"]["ProcessMetricName"];
/** One sample of a metric: a Unix time in seconds and a value. */
export type MetricValue = components["schemas"]["MetricValue"];
/** The metrics of a process, by metric name. */
export type ProcessMetricsData = components["schemas"]["ProcessMetricsData"];
/** The answer of `getProcessesCountExperimental`: `{ count }`. */
export type ProcessCount = components["schemas"]["ProcessCount"];
/** The JSON body of Hathora's error responses: `{ message }`. */
export type ApiErrorBody = components["schemas"]["ApiError"];

/** The regions this version of the spec lists; `Region` also accepts any other string. */
export type KnownRegion = (typeof knownValues.Region)[number];
/** The statuses this version of the spec lists; `ProcessStatus` also accepts any other string. */
export type KnownProcessStatus = (typeof knownValues.ProcessStatus)[number];
