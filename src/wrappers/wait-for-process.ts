// Polls a process until it reaches a status: what every game backend writes by hand after
// createProcess. Shared by v2 and v3.
import { checkWholeNumber } from "./check-input.js";
import { NotFoundError } from "./errors/api-error.js";
import { ConfigError } from "./errors/config-error.js";
import { ProcessEndedError } from "./errors/process-ended-error.js";
import { ProcessNotReadyError } from "./errors/process-not-ready-error.js";
import { TimeoutError } from "./errors/timeout-error.js";
import { sleep } from "./sleep.js";
import type { ProcessStatus, Region } from "./types.js";

export const WAIT_DEFAULTS = {
  until: "running",
  timeoutMs: 120_000,
  pollIntervalMs: 500,
  maxPollIntervalMs: 5_000,
  notFoundGraceMs: 10_000,
} as const;

export interface WaitOptions {
  /** The status to wait for. @default "running" */
  until?: ProcessStatus | undefined;
  /** Overall deadline of the wait; then TimeoutError, with the last status seen. @default 120000 */
  timeoutMs?: number | undefined;
  /** First pause between polls; each later pause is 1.5 times longer, up to `maxPollIntervalMs`. @default 500 */
  pollIntervalMs?: number | undefined;
  /** @default 5000 */
  maxPollIntervalMs?: number | undefined;
  /**
   * A freshly created process can briefly be unknown to the read path: 404s are tolerated for
   * this long after the wait starts, until the process has been seen once.
   * @default 10000
   */
  notFoundGraceMs?: number | undefined;
  appId?: string | undefined;
  /** Stops the wait at once; it then rejects with `signal.reason`. */
  signal?: AbortSignal | undefined;
  headers?: Record<string, string> | undefined;
}

export interface WaitForProcessOptions extends WaitOptions {
  processId: string;
}

export interface CreateProcessAndWaitOptions extends WaitOptions {
  region: Region;
}

interface ProcessLike {
  processId: string;
  status: string;
  summaryExitReason?: string;
}

type Fetch<P> = (options: { processId: string; appId?: string; signal: AbortSignal; headers?: Record<string, string> }) => Promise<P>;

// The normal course of a process; `failed` can end it from any status.
const COURSE: readonly string[] = ["starting", "running", "draining", "stopping", "stopped"];

function hasPassed(status: string, until: string): boolean {
  if (status === "failed" || status === "stopped") return status !== until;
  const [at, target] = [COURSE.indexOf(status), COURSE.indexOf(until)];
  return at >= 0 && target >= 0 && at > target;
}

export async function waitForProcess<P extends ProcessLike>(getProcess: Fetch<P>, options: WaitForProcessOptions): Promise<P> {
  const settings = checkWaitOptions(options);
  const { processId, appId, headers, signal: callerSignal } = options;
  if (typeof processId !== "string" || processId === "") throw new ConfigError("waitForProcess: processId is required");
  callerSignal?.throwIfAborted();

  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(), settings.timeoutMs);
  const signal = callerSignal ? AbortSignal.any([callerSignal, deadline.signal]) : deadline.signal;
  const started = Date.now();
  let last: P | undefined;
  try {
    for (let pause = settings.pollIntervalMs; ; pause = Math.min(settings.maxPollIntervalMs, pause * 1.5)) {
      try {
        last = await getProcess({ processId, signal, ...(appId !== undefined && { appId }), ...(headers && { headers }) });
        if (last.status === settings.until) return last;
        if (hasPassed(last.status, settings.until)) throw new ProcessEndedError(last, settings.until);
      } catch (error) {
        const young = last === undefined && Date.now() - started < settings.notFoundGraceMs;
        if (!(error instanceof NotFoundError && young)) throw error;
      }
      await sleep(pause, signal);
    }
  } catch (error) {
    if (callerSignal?.aborted) throw callerSignal.reason;
    if (deadline.signal.aborted) {
      const seen = last ? `process ${processId} is still "${last.status}"` : `process ${processId} was not found yet`;
      throw new TimeoutError(`waitForProcess timed out after ${settings.timeoutMs} ms: ${seen}, waiting for "${settings.until}"`, {
        operationId: "waitForProcess",
        timeoutMs: settings.timeoutMs,
        lastProcess: last,
      });
    }
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

export async function createProcessAndWait<P extends ProcessLike>(
  createProcess: (options: { region: Region; appId?: string; signal?: AbortSignal; headers?: Record<string, string> }) => Promise<P>,
  getProcess: Fetch<P>,
  options: CreateProcessAndWaitOptions,
): Promise<P> {
  const { region, ...waitOptions } = options;
  checkWaitOptions(waitOptions);
  const { appId, signal, headers } = waitOptions;
  const created = await createProcess({ region, ...(appId !== undefined && { appId }), ...(signal && { signal }), ...(headers && { headers }) });
  try {
    return await waitForProcess(getProcess, { ...waitOptions, processId: created.processId });
  } catch (error) {
    throw new ProcessNotReadyError(created, waitOptions.until ?? WAIT_DEFAULTS.until, error);
  }
}

interface WaitSettings {
  until: string;
  timeoutMs: number;
  pollIntervalMs: number;
  maxPollIntervalMs: number;
  notFoundGraceMs: number;
}

function checkWaitOptions(options: WaitOptions): WaitSettings {
  if (typeof options !== "object" || options === null) throw new ConfigError("waitForProcess: expected an options object");
  const until = options.until ?? WAIT_DEFAULTS.until;
  // ProcessStatus is open: a status Hathora adds later may be awaited too.
  if (typeof until !== "string" || until === "") {
    throw new ConfigError(`waitForProcess: until must be a non-empty status string, got ${JSON.stringify(until)}`);
  }
  const settings: WaitSettings = { ...WAIT_DEFAULTS, until };
  for (const name of ["timeoutMs", "pollIntervalMs", "maxPollIntervalMs", "notFoundGraceMs"] as const) {
    const value = options[name] ?? WAIT_DEFAULTS[name];
    checkWholeNumber(value, name, "waitForProcess", name === "notFoundGraceMs" ? 0 : 1, true);
    settings[name] = value;
  }
  return settings;
}
