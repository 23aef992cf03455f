// The operations the commands use, on v3 or (with --v2) on the deprecated v2 endpoints: one
// shape for both, so each command is written once.
import type { HathoraClient, ProcessCount, ProcessesV2, ProcessesV3, Region } from "../index.js";
import type { AnyProcess } from "./format/process.js";

/** Status and region filters of a list or a count. */
export interface Filters {
  status?: string[];
  region?: string[];
}

/** The client's methods the commands call, for one API version. */
export interface ProcessesApi {
  getProcess(processId: string): Promise<AnyProcess>;
  /** The latest processes (at most 10: the API's page). */
  getLatestProcesses(filters: Filters): Promise<AnyProcess[]>;
  /** Every process matching the filters, newest first, paged past the API's 10. */
  listProcesses(filters: Filters): AsyncIterable<AnyProcess>;
  count(filters: Filters): Promise<ProcessCount>;
  createProcess(region: Region): Promise<AnyProcess>;
  stopProcess(processId: string): Promise<void>;
  /** Waits for `until`; `onStatus` hears each status the polls see change. */
  waitForProcess(processId: string, until: string, waitTimeoutMs: number, onStatus: (process: AnyProcess) => void): Promise<AnyProcess>;
}

/** The client's v3 methods, or its v2 ones when `v2` is set (the same but for getProcess's name). */
export function processesApi(client: HathoraClient, v2: boolean): ProcessesApi {
  const api: ProcessesV2 | ProcessesV3 = v2 ? client.processesV2 : client.processesV3;
  return {
    getProcess: (processId) => (v2 ? client.processesV2.getProcessInfo({ processId }) : client.processesV3.getProcess({ processId })),
    getLatestProcesses: (filters) => api.getLatestProcesses(filters),
    listProcesses: (filters) => api.listProcesses(filters),
    count: (filters) => api.getProcessesCountExperimental(filters),
    createProcess: (region) => api.createProcess({ region }),
    stopProcess: (processId) => api.stopProcess({ processId }),
    waitForProcess: (processId, until, waitTimeoutMs, onStatus) => api.waitForProcess({ processId, until, waitTimeoutMs, onStatus }),
  };
}
