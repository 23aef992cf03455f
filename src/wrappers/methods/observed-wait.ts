// A wait helper call as observers see it: one record (observe/wait-trace-context.ts) of its
// polls and the statuses they saw, published on the `hathora-processes:wait` TracingChannel with
// each of its calls linked to it, and summed up in one info log line when it ends. Wraps the
// helpers of wait-for-process.ts from outside: they poll through the functions given here. When
// neither the channel has a subscriber nor the log is at info, nothing of this is built.
import type { Clock } from "../request/clock.js";
import type { Log } from "../observe/log.js";
import { subscribedWaitChannel } from "../observe/trace-channel.js";
import { waitLine } from "../observe/wait-log.js";
import type { WaitTraceContext } from "../observe/wait-trace-context.js";
import { resolveWaitOptions } from "../options/wait-options.js";
import type { ProcessV2, ProcessV3 } from "../types.js";
import {
  createProcessAndWait,
  waitForProcess,
  type CreateProcessAndWaitOptions,
  type CreateProcessFunction,
  type GetProcessFunction,
  type PollSeen,
  type WaitForProcessOptions,
} from "./wait-for-process.js";
import type { SharedPolls } from "./shared-polls.js";

/** A call the wait makes, told which wait it is part of. */
type WaitCall<P, O> = (options: O, within?: WaitTraceContext) => Promise<P>;

/** What a client's wait helpers share: the clock and the info log. */
export interface WaitObserving {
  clock: Clock;
  info: Log["info"];
}

/** The calls of one wait, given to the helper (observed ones when someone observes). */
export interface WaitCalls<P> {
  getProcess: GetProcessFunction<P>;
  createProcess: CreateProcessFunction<P>;
}

/**
 * `waitForProcess` and `createProcessAndWait` of one API version, observed, over its get and
 * create calls; concurrent waits on one process share a poll loop of `polls`.
 */
export function observedWaitHelpers<P extends ProcessV2 | ProcessV3>(
  observing: WaitObserving,
  get: WaitCall<P, Parameters<GetProcessFunction<P>>[0]>,
  create: WaitCall<P, Parameters<CreateProcessFunction<P>>[0]>,
  polls: SharedPolls<P>,
): { waitForProcess(options: WaitForProcessOptions): Promise<P>; createProcessAndWait(options: CreateProcessAndWaitOptions): Promise<P> } {
  const { clock } = observing;
  const calls = { get, create };
  return {
    waitForProcess: (options) => observedWait(observing, "waitForProcess", options, calls, (made, seen) => waitForProcess(made.getProcess, options, clock, polls, seen)),
    createProcessAndWait: (options) =>
      observedWait(observing, "createProcessAndWait", options, calls, (made, seen) => createProcessAndWait(made.createProcess, made.getProcess, options, clock, polls, seen)),
  };
}

/**
 * Runs `helper` with `get` and `create`, observed when someone observes: the record is built,
 * each call counted and linked, the whole traced on the wait channel and logged at info.
 */
async function observedWait<P extends ProcessV2 | ProcessV3>(
  observing: WaitObserving,
  name: WaitTraceContext["helper"],
  options: WaitForProcessOptions | CreateProcessAndWaitOptions,
  calls: { get: WaitCall<P, Parameters<GetProcessFunction<P>>[0]>; create: WaitCall<P, Parameters<CreateProcessFunction<P>>[0]> },
  helper: (calls: WaitCalls<P>, seen: PollSeen<P> | undefined) => Promise<P>,
): Promise<P> {
  const channel = subscribedWaitChannel();
  const { info, clock } = observing;
  if (!channel && !info) return helper({ getProcess: (o) => calls.get(o), createProcess: (o) => calls.create(o) }, undefined);
  // Options the helper would refuse are refused here first: a wait that never starts is not observed.
  const { settings } = resolveWaitOptions(options, name, name === "waitForProcess" ? "processId" : "region");
  const record: WaitTraceContext = { helper: name, until: settings.until, startTime: clock.now(), polls: 0, statuses: [] };
  if ("processId" in options && typeof options.processId === "string") record.processId = options.processId;
  if ("region" in options && typeof options.region === "string") record.region = options.region;

  const status = (process: P): P => {
    if (record.statuses.at(-1) !== process.status) record.statuses.push(process.status);
    return process;
  };
  // Polls are counted as the wait takes them from its loop (shared-polls.ts), which another
  // wait's call may have made; each poll's own trace context links to the wait that made it.
  const seen: PollSeen<P> = (process) => {
    record.polls++;
    if (process) status(process);
  };
  const observed: WaitCalls<P> = {
    getProcess: (o) => calls.get(o, record),
    createProcess: (o) =>
      calls.create(o, record).then((created) => {
        record.processId = created.processId;
        return status(created);
      }),
  };
  const ended = () => {
    record.durationMs = clock.now() - record.startTime;
  };
  const run = () =>
    helper(observed, seen).then(
      (process) => {
        ended();
        info?.(waitLine(record, undefined));
        return process;
      },
      (error: unknown) => {
        ended();
        info?.(waitLine(record, error ?? "rejected"));
        throw error;
      },
    );
  return channel ? channel.tracePromise(run, record) : run();
}
