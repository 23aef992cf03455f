// The deprecated v2 methods: each the v3 method of the same name, on the v2 endpoints.
import type { OperationPromise } from "../request/operation-promise.js";
import type { OperationInput } from "../operation-types.js";
import type { RunOperation } from "../request/run-operation.js";
import type { ProcessCount, ProcessV2 } from "../types.js";
import { listProcessesV2, type ListProcessesV2Options } from "./list-processes.js";
import { observedWaitHelpers, type WaitObserving } from "./observed-wait.js";
import type { CreateProcessAndWaitOptions, WaitForProcessOptions } from "./wait-for-process.js";
import { SharedPolls } from "./shared-polls.js";

/** The options of `processesV2.getProcessInfo`: its parameters and the call options. */
export type GetProcessInfoV2Options = OperationInput<"GetProcessInfoV2Deprecated">;
/** The options of `processesV2.getLatestProcesses`: its parameters and the call options. */
export type GetLatestProcessesV2Options = OperationInput<"GetLatestProcessesV2Deprecated">;
/** The options of `processesV2.getProcessesCountExperimental`: its parameters and the call options. */
export type GetProcessesCountV2Options = OperationInput<"GetProcessesCountExperimentalV2Deprecated">;
/** The options of `processesV2.createProcess`: its parameters and the call options. */
export type CreateProcessV2Options = OperationInput<"CreateProcessV2Deprecated">;
/** The options of `processesV2.stopProcess`: its parameters and the call options. */
export type StopProcessV2Options = OperationInput<"StopProcessV2Deprecated">;

/** Version 2 of the Processes API. Deprecated by Hathora in favour of `processesV3`. */
export interface ProcessesV2 {
  /** As `processesV3.getProcess`, on the v2 endpoints. @deprecated Use `processesV3.getProcess`. */
  getProcessInfo(options: GetProcessInfoV2Options): OperationPromise<ProcessV2>;
  /** As `processesV3.getLatestProcesses`, on the v2 endpoints. @deprecated Use `processesV3.getLatestProcesses`. */
  getLatestProcesses(options?: GetLatestProcessesV2Options): OperationPromise<ProcessV2[]>;
  /**
   * As `processesV3.listProcesses`, yielding v2 processes. @deprecated Use `processesV3.listProcesses`.
   * v2's list has no `before`: past its first 10, this pages v3's list (the same processes) and
   * reads each further process with `getProcessInfo`, one request per process.
   */
  listProcesses(options?: ListProcessesV2Options): AsyncIterable<ProcessV2>;
  /** As `processesV3.getProcessesCountExperimental`, on the v2 endpoints. @deprecated Use `processesV3.getProcessesCountExperimental`. */
  getProcessesCountExperimental(options?: GetProcessesCountV2Options): OperationPromise<ProcessCount>;
  /** As `processesV3.createProcess`, on the v2 endpoints. @deprecated Use `processesV3.createProcess`. Never retried after the request may have arrived. */
  createProcess(options: CreateProcessV2Options): OperationPromise<ProcessV2>;
  /** As `processesV3.stopProcess`, on the v2 endpoints. @deprecated Use `processesV3.stopProcess`. */
  stopProcess(options: StopProcessV2Options): OperationPromise<void>;
  /** As `processesV3.waitForProcess`, on the v2 endpoints. @deprecated Use `processesV3.waitForProcess`. Polls `getProcessInfo`; same rules. */
  waitForProcess(options: WaitForProcessOptions): Promise<ProcessV2>;
  /** As `processesV3.createProcessAndWait`, on the v2 endpoints. @deprecated Use `processesV3.createProcessAndWait`. Same rules. */
  createProcessAndWait(options: CreateProcessAndWaitOptions): Promise<ProcessV2>;
}

export function createProcessesV2(run: RunOperation, waits: WaitObserving): ProcessesV2 {
  const getProcessInfo = (options: GetProcessInfoV2Options) => run("GetProcessInfoV2Deprecated", options);
  const createProcess = (options: CreateProcessV2Options) => run("CreateProcessV2Deprecated", options);
  const listing = {
    latest: (options: object) => run("GetLatestProcesses", options),
    count: (options: object) => run("GetProcessesCountExperimental", options),
    latestV2: (options: object) => run("GetLatestProcessesV2Deprecated", options),
    infoV2: (options: object) => getProcessInfo(options as GetProcessInfoV2Options),
  };
  return {
    getProcessInfo,
    getLatestProcesses: (options) => run("GetLatestProcessesV2Deprecated", options),
    listProcesses: (options) => listProcessesV2(listing, options),
    getProcessesCountExperimental: (options) => run("GetProcessesCountExperimentalV2Deprecated", options),
    createProcess,
    stopProcess: (options) => run("StopProcessV2Deprecated", options),
    ...observedWaitHelpers(
      waits,
      (options, within) => run("GetProcessInfoV2Deprecated", options, within),
      (options, within) => run("CreateProcessV2Deprecated", options, within),
      new SharedPolls<ProcessV2>(waits.clock),
    ),
  };
}
