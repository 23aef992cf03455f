// The public surface of hathora-processes: every export is named here.
export { createHathoraClient, type HathoraClient } from "./wrappers/client.js";
export { createRawClient } from "./wrappers/raw-client.js";
export type { HathoraClientOptions } from "./wrappers/options/client-options.js";
export type { CallOptions, RequestOptions } from "./wrappers/options/call-options.js";
export type { WaitOptions } from "./wrappers/options/wait-options.js";
export type { TrafficOptions, RetryBudgetOptions } from "./wrappers/options/traffic-options.js";
export type { NotRetriedReason } from "./wrappers/request/retry-policy.js";
export type { RateLimiter, RateLimiterRequest, RateLimitedEvent } from "./wrappers/request/rate-limiter.js";
export type { FetchLike } from "./wrappers/request/transport.js";
export type { TokenSource } from "./wrappers/request/token.js";
export type { Logger, LogLevel } from "./wrappers/observe/log.js";
export type { OperationPromise, OperationResponse } from "./wrappers/request/operation-promise.js";
export type { AttemptEvent } from "./wrappers/observe/attempt-event.js";
export { OPERATION_CHANNEL, type OperationTraceContext } from "./wrappers/observe/trace-channel.js";
export { WAIT_CHANNEL, type WaitTraceContext } from "./wrappers/observe/wait-trace-context.js";
export type { Clock } from "./wrappers/request/clock.js";
export type { OperationId, OperationInput } from "./wrappers/operation-types.js";
export { knownValues, dateTimeFields } from "./generated/operations.js";
export { isKnownRegion, isKnownProcessStatus } from "./wrappers/known-values.js";
export type {
  ProcessesV3,
  GetProcessOptions,
  GetLatestProcessesOptions,
  GetProcessesCountOptions,
  CreateProcessOptions,
  StopProcessOptions,
  GetProcessMetricsOptions,
} from "./wrappers/methods/processes-v3.js";
export type {
  ProcessesV2,
  GetProcessInfoV2Options,
  GetLatestProcessesV2Options,
  GetProcessesCountV2Options,
  CreateProcessV2Options,
  StopProcessV2Options,
} from "./wrappers/methods/processes-v2.js";
export type { WaitForProcessOptions, CreateProcessAndWaitOptions } from "./wrappers/methods/wait-for-process.js";
export type { ListProcessesOptions, ListProcessesV2Options } from "./wrappers/methods/list-processes.js";
export type {
  ProcessV2,
  ProcessV3,
  ExposedPort,
  Region,
  KnownRegion,
  ProcessStatus,
  KnownProcessStatus,
  TransportType,
  Hosting,
  ProcessMetricName,
  MetricValue,
  ProcessMetricsData,
  ProcessCount,
  ApiErrorBody,
} from "./wrappers/types.js";
export { withDates, type WithDates, type DatedSchema, type DateTimeFieldOf } from "./wrappers/dates.js";

export { HathoraError, isHathoraError } from "./wrappers/errors/hathora-error.js";
export { ConfigError } from "./wrappers/errors/config-error.js";
export { RequestError, type RequestErrorInit } from "./wrappers/errors/request-error.js";
export {
  ApiError,
  UnauthorizedError,
  PaymentRequiredError,
  NotFoundError,
  RequestTimeoutError,
  UnprocessableEntityError,
  RateLimitError,
  ServerError,
  type ApiErrorInit,
  type ApiErrorName,
} from "./wrappers/errors/api-error.js";
export { ConnectionError, type ConnectionErrorInit } from "./wrappers/errors/connection-error.js";
export { ConnectionTimeoutError } from "./wrappers/errors/connection-timeout-error.js";
export { ResponseError, type ResponseErrorInit } from "./wrappers/errors/response-error.js";
export { ProcessEndedError } from "./wrappers/errors/process-ended-error.js";
export { ProcessNotReadyError } from "./wrappers/errors/process-not-ready-error.js";
export { WaitTimeoutError } from "./wrappers/errors/wait-timeout-error.js";
export { ProcessListIncompleteError, type CrowdedInstant } from "./wrappers/errors/process-list-incomplete-error.js";

export type { paths, components, operations } from "./generated/schema.js";
