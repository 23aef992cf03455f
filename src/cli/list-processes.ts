// Every process matching the filters, for `stop --all`: the client's `listProcesses`, which
// pages with `before` past the API's 10 per answer.
import type { Filters, ProcessesApi } from "./api.js";
import type { AnyProcess } from "./format/process.js";

/**
 * The processes matching `filters`, all of them. When the listing cannot be complete (more
 * than a page created at one instant, or a server that does not honour `before`), the client's
 * ProcessListIncompleteError ends the command before anything is stopped.
 */
export async function listEveryProcess(api: ProcessesApi, filters: Filters): Promise<AnyProcess[]> {
  const processes: AnyProcess[] = [];
  for await (const process of api.listProcesses(filters)) processes.push(process);
  return processes;
}
