// The deprecated v2 methods: each the v3 method of the same name, on the v2 endpoints.
import type { Clock } from "../request/clock.js";
import type { OperationPromise } from "../request/operation-promise.js";
import type { OperationInput } from "../operation-types.js";
import type { RunOperation } from "../request/run-operation.js";
import type { ProcessCount, ProcessV2 } from "../types.js";
import {
  createProcessAndWait,
  waitForProcess,
  type CreateProcessAndWaitOptions,
  type WaitForProcessOptions,
} from "./wait-for-process.js";
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

export function createProcessesV2(run: RunOperation, clock: Clock): ProcessesV2 {
  const getProcessInfo = (options: GetProcessInfoV2Options) => run("GetProcessInfoV2Deprecated", options);
  const createProcess = (options: CreateProcessV2Options) => run("CreateProcessV2Deprecated", options);
  const polls = new SharedPolls<ProcessV2>(clock);
  return {
    getProcessInfo,
    getLatestProcesses: (options) => run("GetLatestProcessesV2Deprecated", options),
    getProcessesCountExperimental: (options) => run("GetProcessesCountExperimentalV2Deprecated", options),
    createProcess,
    stopProcess: (options) => run("StopProcessV2Deprecated", options),
    waitForProcess: (options) => waitForProcess(getProcessInfo, options, clock, polls),
    createProcessAndWait: (options) => createProcessAndWait(createProcess, getProcessInfo, options, clock, polls),
  };
}
