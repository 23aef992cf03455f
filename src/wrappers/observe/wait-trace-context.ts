// The one record of a wait helper call (waitForProcess, createProcessAndWait): the context of the
// `hathora-processes:wait` TracingChannel, and what its info log line is written from. A second
// channel rather than a kind field on the operation channel, so that a subscriber written for
// operations never receives a context of another shape. Each call the wait makes (the polls, and
// createProcessAndWait's create) is published on the operation channel as before, its context
// linked to this one by `wait`, so a subscriber can nest them.

/** The channel's name: `diagnostics_channel.tracingChannel("hathora-processes:wait")`. */
export const WAIT_CHANNEL = "hathora-processes:wait";

/**
 * The context object of every event of the `hathora-processes:wait` TracingChannel: one call of
 * `waitForProcess` or `createProcessAndWait`, from `start` to `asyncEnd` (or `error`). `polls`,
 * `statuses` and `processId` grow while it runs; `durationMs` and `result` or `error` are set by
 * `asyncStart`. It never holds the token or a header.
 */
export interface WaitTraceContext {
  /** Which helper: `"waitForProcess"` or `"createProcessAndWait"`. */
  helper: "waitForProcess" | "createProcessAndWait";
  /** The status waited for. */
  until: string;
  /** The process waited for: given to waitForProcess; for createProcessAndWait, once created. */
  processId?: string;
  /** Where createProcessAndWait creates the process. */
  region?: string;
  /** When the wait started, in milliseconds on the client's clock. */
  startTime: number;
  /** How long the whole wait took, in milliseconds (set when it ends). */
  durationMs?: number;
  /** How many polls were answered or failed so far (the create not included). */
  polls: number;
  /** The statuses seen, in order, a repeated one once: `["starting", "running"]`. */
  statuses: string[];
  /** Set by the channel on success: the process. */
  result?: unknown;
  /** Set by the channel on failure: what the call rejects with. */
  error?: unknown;
}
