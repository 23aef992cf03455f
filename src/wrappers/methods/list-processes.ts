// listProcesses: every process matching the filters, newest first, as an async iterable, paging
// GetLatestProcesses (10 a page) with `before` until the end (process-pages.ts says how).
import { ConfigError } from "../errors/config-error.js";
import { NotFoundError } from "../errors/api-error.js";
import { CALL_OPTION_NAMES, isCallOption } from "../options/call-options.js";
import { rejectUnknownOptions } from "../options/setting-checks.js";
import type { OperationInput } from "../operation-types.js";
import type { ProcessCount, ProcessV2, ProcessV3 } from "../types.js";
import { PAGE_SIZE, processPages } from "./process-pages.js";

/** The options of `processesV3.listProcesses`: the filters of `getLatestProcesses` and the call options; no `before` (it pages with it). */
export type ListProcessesOptions = Omit<OperationInput<"GetLatestProcesses">, "before">;
/** The options of `processesV2.listProcesses`: the filters of `getLatestProcesses` and the call options. */
export type ListProcessesV2Options = OperationInput<"GetLatestProcessesV2Deprecated">;

type Arguments = Record<string, unknown>;
/** The calls listing needs, each one run like any other method call (retries, logs, traces). */
export interface ListingCalls {
  latest(options: Arguments): Promise<ProcessV3[]>;
  count(options: Arguments): Promise<ProcessCount>;
}
/** And for v2: its own list, and its view of one process. */
export interface ListingCallsV2 extends ListingCalls {
  latestV2(options: Arguments): Promise<ProcessV2[]>;
  infoV2(options: Arguments): Promise<ProcessV2>;
}

const FILTERS = ["status", "region"];

/** Refuses what listProcesses does not take (`before` first of all) before any request. */
function checked(options: unknown): Arguments {
  if (options !== undefined && (typeof options !== "object" || options === null || Array.isArray(options))) {
    throw new ConfigError("listProcesses: expected an options object (status, region and call options) or nothing");
  }
  const given = (options ?? {}) as Arguments;
  if (given.before !== undefined) throw new ConfigError("listProcesses: before is not an option: listProcesses pages with it itself, from the newest process to the oldest");
  rejectUnknownOptions(given, (name) => FILTERS.includes(name) || isCallOption(name) || name === "before", [...FILTERS, ...CALL_OPTION_NAMES], "listProcesses");
  return given;
}

/** `processesV3.listProcesses`. */
export async function* listProcesses(calls: ListingCalls, options: ListProcessesOptions | undefined): AsyncGenerator<ProcessV3, void, undefined> {
  for await (const page of pagesOf(calls, checked(options))) yield* page;
}

/**
 * `processesV2.listProcesses`. v2's list has no `before`: when it holds fewer than a page, that
 * is all there is; otherwise the rest is paged on v3's list (the same processes) and each
 * process read through v2's GetProcessInfo, one request per process not yet yielded.
 */
export async function* listProcessesV2(calls: ListingCallsV2, options: ListProcessesV2Options | undefined): AsyncGenerator<ProcessV2, void, undefined> {
  const given = checked(options);
  const first = await calls.latestV2(given);
  yield* first;
  if (first.length < PAGE_SIZE) return;
  const yielded = new Set(first.map((process) => process.processId));
  const { status: _status, region: _region, ...callOptions } = given;
  for await (const page of pagesOf(calls, given)) {
    const newer = page.filter((process) => !yielded.has(process.processId));
    const read = await Promise.all(newer.map((process) => calls.infoV2({ ...callOptions, processId: process.processId }).catch(droppedIfGone)));
    for (const process of read) {
      if (process === undefined) continue;
      yielded.add(process.processId);
      yield process;
    }
  }
}

/** The pages of v3's list under the given filters and call options. */
function pagesOf(calls: ListingCalls, given: Arguments) {
  return processPages({
    page: (before) => calls.latest(before === undefined ? given : { ...given, before }),
    count: async (before) => (await calls.count({ ...given, before })).count,
    signal: given.signal as AbortSignal | undefined,
  });
}

/** A process listed a moment ago and gone since (404) is not listed. */
function droppedIfGone(error: unknown): undefined {
  if (error instanceof NotFoundError) return undefined;
  throw error;
}
