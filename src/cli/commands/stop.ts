import { filtersFrom, positionals, type Command, type CommandContext } from "../command.js";
import { confirm } from "../confirm.js";
import { parseDuration } from "../durations.js";
import { describeFailure } from "../failure.js";
import type { AnyProcess } from "../format/process.js";
import { listEveryProcess } from "../list-processes.js";
import { mapLimited } from "../map-limited.js";
import { CommandFailed, UsageError } from "../usage-error.js";
import { waitWithProgress } from "../wait-progress.js";

// Processes in these statuses are already on their way out: --all leaves them alone.
const ENDING = new Set(["stopping", "stopped", "failed"]);
// Stops sent at once: quick for a long list, gentle on the API's rate limit.
const AT_ONCE = 4;

export const stop: Command = {
  name: "stop",
  usage: "ID [ID...] | --all [--status S]... [--region R]... [--wait] [--timeout 5m] [--yes] [--v2]",
  summary: "stop one process, several, or --all that match; --wait until stopped",
  details: [
    "Stopping one id needs no confirmation. Several ids, or --all, ask on a terminal and",
    "refuse (exit 2, nothing sent) without --yes when stdin or stderr is not a terminal.",
    "--all takes the processes that --status and --region match, except those already",
    "stopping, stopped or failed.",
    "Prints each stopped id on stdout. --json prints the processes as the API shows them",
    "after the stop (or as the wait saw them last). If any stop fails, the others still",
    "happen and the command exits 1.",
  ],
  options: ["all", "status", "region", "wait", "timeout", "yes", "v2"],
  prepare(line, io) {
    const { all = false, yes = false, wait = false, timeout, status, region } = line.values;
    if (all && line.positionals.length > 0) throw new UsageError("give process ids or --all, not both", "stop");
    const ids = positionals(line, "stop", all ? 0 : 1, Infinity, "a process id (or --all)");
    if (!all && (status !== undefined || region !== undefined)) throw new UsageError("--status and --region choose the processes of --all", "stop");
    const filters = filtersFrom(line.values);
    if (timeout !== undefined && !wait) throw new UsageError("--timeout goes with --wait", "stop");
    const waitTimeoutMs = parseDuration(timeout ?? "5m", "timeout");
    const several = all || ids.length > 1;
    if (several && !yes && !io.interactive) {
      throw new UsageError("stopping several processes needs a confirmation, and this is not a terminal: pass --yes", "stop");
    }
    return async (context) => {
      const targets = all ? (await listEveryProcess(context.api, filters)).filter((process) => !ENDING.has(process.status)).map((process) => process.processId) : ids;
      if (targets.length === 0) {
        context.io.err("no process to stop");
        if (context.json) context.io.json([]);
        return;
      }
      if (several && !yes && !(await confirm(context.io, `Stop ${targets.length} process${targets.length === 1 ? "" : "es"}: ${targets.join(", ")}?`))) {
        throw new CommandFailed("nothing stopped");
      }
      await stopAll(context, targets, wait ? waitTimeoutMs : undefined);
    };
  },
};

async function stopAll(context: CommandContext, targets: string[], waitTimeoutMs: number | undefined): Promise<void> {
  const { api, io, json } = context;
  const stopOne = async (processId: string): Promise<AnyProcess | undefined> => {
    await api.stopProcess(processId);
    if (waitTimeoutMs !== undefined) return waitWithProgress(context, processId, undefined, "stopped", waitTimeoutMs);
    return json ? api.getProcess(processId) : undefined;
  };
  // One target: its error is the command's, reported like any other.
  if (targets.length === 1) {
    const process = await stopOne(targets[0] ?? "");
    return json ? io.json([process]) : io.out(targets[0] ?? "");
  }
  const results = await mapLimited(targets, AT_ONCE, stopOne);
  const stopped: AnyProcess[] = [];
  results.forEach((result, index) => {
    if (result.status === "rejected") return io.err(`${targets[index]}: ${describeFailure(result.reason).line}`);
    if (result.value !== undefined) stopped.push(result.value);
    if (!json) io.out(targets[index] ?? "");
  });
  if (json) io.json(stopped);
  const failed = results.filter((result) => result.status === "rejected").length;
  if (failed > 0) throw new CommandFailed(`${failed} of ${targets.length} processes not stopped`);
}
