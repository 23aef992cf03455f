// Polls a process until it reaches a status: what every game backend writes by hand after
// createProcess. Shared by v2 (P = ProcessV2) and v3 (P = ProcessV3).
import { linkSignal } from "../request/abort-link.js";
import type { Clock } from "../request/clock.js";
import { NotFoundError } from "../errors/api-error.js";
import { ConfigError } from "../errors/config-error.js";
import { ProcessEndedError } from "../errors/process-ended-error.js";
import { ProcessNotReadyError } from "../errors/process-not-ready-error.js";
import { WaitTimeoutError } from "../errors/wait-timeout-error.js";
import type { CallOptions } from "../options/call-options.js";
import { resolveWaitOptions, type WaitOptions } from "../options/wait-options.js";
import type { ProcessV2, ProcessV3, Region } from "../types.js";
import { SharedPolls } from "./shared-polls.js";

/** The options of `waitForProcess`. */
export interface WaitForProcessOptions extends WaitOptions {
  /** The process to wait for. */
  processId: string;
}

/** The options of `createProcessAndWait`. */
export interface CreateProcessAndWaitOptions extends WaitOptions {
  /** Where to create the process. */
  region: Region;
}

/** `processesV3.getProcess` or `processesV2.getProcessInfo`. */
export type GetProcessFunction<P> = (options: { processId: string } & CallOptions) => Promise<P>;
/** `processesV3.createProcess` or `processesV2.createProcess`. */
export type CreateProcessFunction<P> = (options: { region: Region } & CallOptions) => Promise<P>;

// The normal course of a process; `failed` can end it from any status. A status not listed
// here (one Hathora adds later) has not passed anything: the wait goes on.
const COURSE: readonly string[] = ["starting", "running", "draining", "stopping", "stopped"];

function hasPassed(status: string, until: string): boolean {
  if (status === "failed" || status === "stopped") return status !== until;
  const [at, target] = [COURSE.indexOf(status), COURSE.indexOf(until)];
  return at >= 0 && target >= 0 && at > target;
}

/** Told of each poll's outcome a wait takes: the process, or undefined when the poll failed. */
export type PollSeen<P> = (process: P | undefined) => void;

/**
 * Waits for a process; concurrent waits on one client share one poll loop through `polls`.
 * `seen` hears of every poll this wait takes from the loop, whoever's call made it.
 */
export async function waitForProcess<P extends ProcessV2 | ProcessV3>(
  getProcess: GetProcessFunction<P>,
  options: WaitForProcessOptions,
  clock: Clock,
  polls: SharedPolls<P> = new SharedPolls<P>(clock),
  seen?: PollSeen<P>,
): Promise<P> {
  const { settings, call: callOptions, onStatus } = resolveWaitOptions(options, "waitForProcess", "processId");
  const { until, waitTimeoutMs, notFoundGraceMs } = settings;
  const { processId } = options;
  if (typeof processId !== "string" || processId === "") throw new ConfigError("waitForProcess: processId is required");
  const callerSignal = callOptions.signal;
  callerSignal?.throwIfAborted();

  // One signal for the polls and pauses: the caller's, or the wait's deadline.
  const deadline = new AbortController();
  const unlink = linkSignal(callerSignal, deadline);
  const timer = clock.setTimeout(() => deadline.abort(), waitTimeoutMs);
  const started = clock.now();
  const feed = polls.follow(processId, callOptions, settings, (signal) => getProcess({ ...callOptions, processId, signal }));
  let last: P | undefined;
  let notFound = false;
  let shown: string | undefined; // the last status given to onStatus
  try {
    for (;;) {
      try {
        last = await feed.next(deadline.signal).catch((error: unknown) => {
          if (!deadline.signal.aborted) seen?.(undefined);
          throw error;
        });
        seen?.(last);
        if (onStatus !== undefined && last.status !== shown) {
          shown = last.status;
          tell(onStatus, last);
        }
        if (last.status === until) return last;
        if (hasPassed(last.status, until)) throw new ProcessEndedError({ process: last, until });
      } catch (error) {
        const young = last === undefined && clock.now() - started < notFoundGraceMs;
        if (!(error instanceof NotFoundError && young)) throw error;
        notFound = true;
      }
    }
  } catch (error) {
    if (callerSignal?.aborted) throw callerSignal.reason;
    // Only the deadline's own abort is a timeout: an error thrown as it fired stays that error.
    if (deadline.signal.aborted && error === deadline.signal.reason) throw new WaitTimeoutError({ processId, until, waitTimeoutMs, lastProcess: last, notFound });
    throw error;
  } finally {
    feed.close();
    clock.clearTimeout(timer);
    unlink();
  }
}

/** Gives `process` to the caller's onStatus; an observer never changes the wait's outcome. */
function tell<P extends ProcessV2 | ProcessV3>(onStatus: (process: ProcessV2 | ProcessV3) => void, process: P): void {
  try {
    onStatus(process);
  } catch {
    // onStatus only observes.
  }
}

export async function createProcessAndWait<P extends ProcessV2 | ProcessV3>(
  createProcess: CreateProcessFunction<P>,
  getProcess: GetProcessFunction<P>,
  options: CreateProcessAndWaitOptions,
  clock: Clock,
  polls?: SharedPolls<P>,
  seen?: PollSeen<P>,
): Promise<P> {
  // Bad wait options fail here, before anything is created.
  const { settings, call, onStatus } = resolveWaitOptions(options, "createProcessAndWait", "region");
  const { region, ...waitOptions } = options;
  const created = await createProcess({ ...call, region });
  // The created process's status is the first one seen; the polls then tell only changes.
  let shown: string | undefined;
  const told =
    onStatus &&
    ((process: ProcessV2 | ProcessV3) => {
      if (process.status === shown) return;
      shown = process.status;
      onStatus(process);
    });
  if (told) tell(told, created);
  try {
    return await waitForProcess(getProcess, { ...waitOptions, onStatus: told, processId: created.processId }, clock, polls, seen);
  } catch (error) {
    throw new ProcessNotReadyError({ process: created, until: settings.until, cause: error });
  }
}
