// A service as a user writes it, against the installed package. The consumer test type-checks
// this file (strict, exactOptionalPropertyTypes, noUncheckedIndexedAccess; nodenext and
// bundler resolution), then runs it against Prism and checks what it prints.
import {
  ApiError,
  ConfigError,
  ConnectionError,
  createHathoraClient,
  HathoraError,
  isHathoraError,
  NotFoundError,
  PaymentRequiredError,
  ProcessEndedError,
  ProcessNotReadyError,
  RateLimitError,
  ResponseError,
  ServerError,
  ConnectionTimeoutError,
  WaitTimeoutError,
  UnauthorizedError,
  UnprocessableEntityError,
  withDates,
  type CallOptions,
  type ExposedPort,
  type HathoraClientOptions,
  type ProcessCount,
  type ProcessMetricName,
  type ProcessMetricsData,
  type ProcessStatus,
  type ProcessV2,
  type ProcessV3,
  type Region,
} from "hathora-processes";

const baseUrl = process.argv[2];
if (!baseUrl) throw new Error("usage: node service.js <base url>");

const options: HathoraClientOptions = { token: "consumer-token", appId: "app-consumer", baseUrl, maxRetries: 1 };
const hathora = createHathoraClient(options);
const region: Region = "Frankfurt";
const statuses: ProcessStatus[] = ["running", "starting"];
const metricNames: ProcessMetricName[] = ["cpu", "memory"];
const call: CallOptions = { timeoutMs: 10_000 };

// The wait helpers take the call options too; they apply to each request they make.
const ready: ProcessV3 = await hathora.processesV3.createProcessAndWait({ region, pollIntervalMs: 50, maxRetries: 1, timeoutMs: 5_000, retryNonIdempotent: false });
// Their errors carry the process as the API version returns it: no cast to reach its port.
export const endedPort = new ProcessEndedError({ process: ready, until: "running" }).process.exposedPort?.port;
const created: ProcessV3 = await hathora.processesV3.createProcess({ region, ...call });
const fetched: ProcessV3 = await hathora.processesV3.getProcess({ processId: created.processId });
const waited: ProcessV3 = await hathora.processesV3.waitForProcess({ processId: created.processId });
const latest: ProcessV3[] = await hathora.processesV3.getLatestProcesses({ status: statuses, region: [region], before: 1732320000 });
const count: ProcessCount = await hathora.processesV3.getProcessesCountExperimental({ status: statuses });
const metrics: ProcessMetricsData = await hathora.processesV3.getProcessMetrics({ processId: fetched.processId, metrics: metricNames, step: 60 });
const stopped: void = await hathora.processesV3.stopProcess({ processId: fetched.processId });

const v2Created: ProcessV2 = await hathora.processesV2.createProcess({ region: "Chicago" });
const v2Info: ProcessV2 = await hathora.processesV2.getProcessInfo({ processId: v2Created.processId, appId: "app-other" });
const v2Latest: ProcessV2[] = await hathora.processesV2.getLatestProcesses();
const v2Count: ProcessCount = await hathora.processesV2.getProcessesCountExperimental({ region: ["Chicago"] });
const v2Ready: ProcessV2 = await hathora.processesV2.createProcessAndWait({ region: "Chicago" });
const v2Waited: ProcessV2 = await hathora.processesV2.waitForProcess({ processId: v2Ready.processId });
await hathora.processesV2.stopProcess({ processId: v2Info.processId });

const port: ExposedPort | null = fetched.exposedPort;
const createdAt: Date = withDates(fetched).createdAt;
const startedAt: Date | null = withDates(v2Info).startedAt;
const firstCpu: number | undefined = metrics.cpu?.[0]?.value;

async function failure(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
    return "no error";
  } catch (error) {
    if (error instanceof NotFoundError) return `${error.name} ${error.status} ${error.operationId}`;
    if (error instanceof ConfigError) return error.name;
    if (error instanceof ApiError) return `${error.name} ${error.status}`;
    if (isHathoraError(error)) return error.name;
    throw error;
  }
}
const notFound = await failure(() => hathora.processesV3.getProcess({ processId: "missing", headers: { Prefer: "code=404" } }));
const noAppId = await failure(() => createHathoraClient({ token: "t", baseUrl }).processesV3.getProcess({ processId: "p" }));
const classes = [HathoraError, ApiError, UnauthorizedError, PaymentRequiredError, NotFoundError, UnprocessableEntityError, RateLimitError, ServerError, ConnectionError, ConnectionTimeoutError, WaitTimeoutError, ResponseError, ConfigError, ProcessEndedError, ProcessNotReadyError];

console.log(
  JSON.stringify({
    ready: ready.status,
    created: created.status,
    fetched: fetched.status,
    waited: waited.status,
    latest: latest.length,
    count: count.count,
    metrics: Object.keys(metrics).sort(),
    stopped: stopped === undefined,
    v2: [v2Created.status, v2Info.deploymentId, v2Latest.length, v2Count.count, v2Waited.status],
    port: port && `${port.host}:${port.port}`,
    createdAt: createdAt.toISOString(),
    startedAt: startedAt?.toISOString() ?? null,
    firstCpu,
    notFound,
    noAppId,
    classes: classes.every((ErrorClass) => ErrorClass.prototype instanceof Error),
  }),
);
