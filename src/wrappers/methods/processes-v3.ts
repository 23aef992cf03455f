// methods/: what a user calls: the v3 methods (this file), the deprecated v2 ones, and the wait
// helpers built on them. Each method is one line handing its operation to request/.
import type { OperationPromise } from "../request/operation-promise.js";
import type { OperationInput } from "../operation-types.js";
import type { RunOperation } from "../request/run-operation.js";
import type { ProcessCount, ProcessMetricsData, ProcessV3 } from "../types.js";
import { listProcesses, type ListProcessesOptions } from "./list-processes.js";
import { observedWaitHelpers, type WaitObserving } from "./observed-wait.js";
import type { CreateProcessAndWaitOptions, WaitForProcessOptions } from "./wait-for-process.js";
import { SharedPolls } from "./shared-polls.js";

/** The options of `processesV3.getProcess`: its parameters and the call options. */
export type GetProcessOptions = OperationInput<"GetProcess">;
/** The options of `processesV3.getLatestProcesses`: its parameters and the call options. */
export type GetLatestProcessesOptions = OperationInput<"GetLatestProcesses">;
/** The options of `processesV3.getProcessesCountExperimental`: its parameters and the call options. */
export type GetProcessesCountOptions = OperationInput<"GetProcessesCountExperimental">;
/** The options of `processesV3.createProcess`: its parameters and the call options. */
export type CreateProcessOptions = OperationInput<"CreateProcess">;
/** The options of `processesV3.stopProcess`: its parameters and the call options. */
export type StopProcessOptions = OperationInput<"StopProcess">;
/** The options of `processesV3.getProcessMetrics`: its parameters and the call options. */
export type GetProcessMetricsOptions = OperationInput<"GetProcessMetrics">;

/** Version 3 of the Processes API. */
export interface ProcessesV3 {
  /** Get details for a process. */
  getProcess(options: GetProcessOptions): OperationPromise<ProcessV3>;
  /**
   * The most recent processes, newest first, optionally filtered by status and region: at most
   * 10 (Hathora's rule), so not all of them when there are more. `listProcesses` gives them all.
   */
  getLatestProcesses(options?: GetLatestProcessesOptions): OperationPromise<ProcessV3[]>;
  /**
   * Every process matching the filters, newest first, none twice and none skipped: pages
   * `getLatestProcesses` with `before` until the end (one request per 10 processes). Use it
   * with `for await`; the call options apply to each request, and an aborted `signal` stops the
   * iteration between pages. Throws ProcessListIncompleteError, after yielding all the others,
   * when more than 10 processes share one `createdAt` (see docs/listing-and-edges.md).
   */
  listProcesses(options?: ListProcessesOptions): AsyncIterable<ProcessV3>;
  /** How many processes match the filters (experimental on Hathora's side). */
  getProcessesCountExperimental(options?: GetProcessesCountOptions): OperationPromise<ProcessCount>;
  /**
   * Start a process without a room. It usually comes back `starting`. Never retried after the
   * request may have reached the server (see `retryNonIdempotent`): a retry can bill twice.
   */
  createProcess(options: CreateProcessOptions): OperationPromise<ProcessV3>;
  /** Stop a process immediately. Safe to retry. */
  stopProcess(options: StopProcessOptions): OperationPromise<void>;
  /** Time series of a process's metrics; `start`/`end` are Unix seconds, `step` seconds per point. */
  getProcessMetrics(options: GetProcessMetricsOptions): OperationPromise<ProcessMetricsData>;
  /**
   * Polls `getProcess` until the process reaches `until` (default `running`) and returns it.
   * Throws ProcessEndedError if it ends first, WaitTimeoutError after `waitTimeoutMs` (default
   * 2 min). Call options (`timeoutMs`, `maxRetries`, ...) apply to each poll.
   */
  waitForProcess(options: WaitForProcessOptions): Promise<ProcessV3>;
  /**
   * `createProcess`, then `waitForProcess`. If the wait fails, throws ProcessNotReadyError
   * carrying the created `processId` (the process may still run and bill: stop it if unneeded).
   */
  createProcessAndWait(options: CreateProcessAndWaitOptions): Promise<ProcessV3>;
}

export function createProcessesV3(run: RunOperation, waits: WaitObserving): ProcessesV3 {
  const getProcess = (options: GetProcessOptions) => run("GetProcess", options);
  const createProcess = (options: CreateProcessOptions) => run("CreateProcess", options);
  const listing = {
    latest: (options: object) => run("GetLatestProcesses", options),
    count: (options: object) => run("GetProcessesCountExperimental", options),
  };
  return {
    getProcess,
    getLatestProcesses: (options) => run("GetLatestProcesses", options),
    listProcesses: (options) => listProcesses(listing, options),
    getProcessesCountExperimental: (options) => run("GetProcessesCountExperimental", options),
    createProcess,
    stopProcess: (options) => run("StopProcess", options),
    getProcessMetrics: (options) => run("GetProcessMetrics", options),
    ...observedWaitHelpers(
      waits,
      (options, within) => run("GetProcess", options, within),
      (options, within) => run("CreateProcess", options, within),
      new SharedPolls<ProcessV3>(waits.clock),
    ),
  };
}
