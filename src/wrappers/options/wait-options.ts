// The options of the wait helpers (`waitForProcess`, `createProcessAndWait`): how they poll,
// checked and defaulted here, next to the call options of each poll they make.
import { knownValues } from "../../generated/operations.js";
import { ConfigError } from "../errors/config-error.js";
import { knownButForCase } from "../known-values.js";
import { CALL_OPTION_NAMES, isCallOption, type CallOptions } from "./call-options.js";
import type { ProcessV2, ProcessV3 } from "../types.js";
import { aFunction, failIf, milliseconds, nonEmptyString, rejectUnknownOptions, resolveSettings, type Resolved, type Setting } from "./setting-checks.js";

/**
 * The options of `waitForProcess` and `createProcessAndWait` other than `processId`/`region`:
 * how the wait polls, and the call options of each `getProcess` it makes.
 */
export interface WaitOptions extends CallOptions {
  /** The status to wait for; any status string, also one this version does not list. @default "running" */
  until?: string | undefined;
  /** Deadline of the whole wait; then WaitTimeoutError, with the last process seen. @default 120000 */
  waitTimeoutMs?: number | undefined;
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
  /**
   * Called with the process whenever a poll sees a status other than the last one seen (the
   * first poll's included): to show progress. It only observes: what it throws is ignored.
   * @default undefined
   */
  onStatus?: ((process: ProcessV2 | ProcessV3) => void) | undefined;
}

/** The wait's own options with every default filled in. */
export type WaitSettings = Resolved<Omit<WaitOptions, keyof CallOptions | "onStatus">>;

// Any status may be awaited (the enum is open), but a known one in the wrong case never comes:
// the wait would run to its deadline.
const statusCase = (value: string): string | undefined => {
  const meant = knownButForCase(value, knownValues.ProcessStatus);
  return meant && `must be "${meant}" (statuses are lower case)`;
};

const WAIT_SETTINGS = {
  until: { default: "running", check: (value) => nonEmptyString(value) ?? statusCase(value as string) },
  waitTimeoutMs: { default: 120_000, check: milliseconds(1) },
  pollIntervalMs: { default: 500, check: milliseconds(1) },
  maxPollIntervalMs: { default: 5_000, check: milliseconds(1) },
  notFoundGraceMs: { default: 10_000, check: milliseconds(0) },
} satisfies { [Key in keyof WaitSettings]: Setting<WaitSettings[Key]> };

/**
 * A wait's settings, each checked, and its call options (checked by the calls they go to).
 * `own` is the helper's own argument (`processId` or `region`); any other name is a typo.
 */
export function resolveWaitOptions(
  options: WaitOptions,
  where: string,
  own: string,
): { settings: WaitSettings; call: CallOptions; onStatus: WaitOptions["onStatus"] } {
  if (typeof options !== "object" || options === null) throw new ConfigError(`${where}: expected an options object`);
  const call: Record<string, unknown> = {};
  const known = (name: string) => isCallOption(name) || Object.hasOwn(WAIT_SETTINGS, name) || name === own || name === "onStatus";
  rejectUnknownOptions(options, known, [own, ...Object.keys(WAIT_SETTINGS), "onStatus", ...CALL_OPTION_NAMES], where);
  for (const name of Object.keys(options)) {
    if (isCallOption(name)) call[name] = (options as Record<string, unknown>)[name];
  }
  const { onStatus } = options;
  if (onStatus !== undefined) failIf(aFunction(onStatus), "onStatus", onStatus, where);
  return { settings: resolveSettings(WAIT_SETTINGS, options, where), call, onStatus };
}
