// Every process matching the filters, for `stop --all`. THE place to swap in the client's
// `listProcesses` (issue 22) once it lands: until then this sees only the latest page.
import type { Filters, ProcessesApi } from "./api.js";
import type { AnyProcess } from "./format/process.js";

/** How many processes one GetLatestProcesses answer holds at most. */
const LATEST_PAGE = 10;

/**
 * The processes matching `filters`. For now this sees at most 10 (GetLatestProcesses' page)
 * and says so on stderr through `warn` when the page is full; when `listProcesses` lands it
 * pages with `before` through every process, and the warning goes.
 */
export async function listEveryProcess(api: ProcessesApi, filters: Filters, warn: (line: string) => void): Promise<AnyProcess[]> {
  const processes = await api.getLatestProcesses(filters);
  if (processes.length >= LATEST_PAGE) warn(`only the ${LATEST_PAGE} latest processes are listed (the API's page); run the command again for the rest`);
  return processes;
}
