import { positionals, type Command } from "../command.js";
import { parseDuration } from "../durations.js";
import { UsageError } from "../usage-error.js";
import { waitWithProgress } from "../wait-progress.js";

export const create: Command = {
  name: "create",
  usage: "REGION [--wait] [--timeout 5m] [--v2]",
  summary: "create a process; --wait until it runs, showing each status change",
  details: [
    "Prints the new process's id on stdout (status changes go to stderr).",
    "--json prints the process as CreateProcess returns it, or as the wait last saw it.",
    "A process that does not reach running in time (exit 1) may still run and bill: stop it.",
  ],
  options: ["wait", "timeout", "v2"],
  prepare(line) {
    const [region = ""] = positionals(line, "create", 1, 1, "a region, such as Seattle");
    const { wait = false, timeout } = line.values;
    if (timeout !== undefined && !wait) throw new UsageError("--timeout goes with --wait", "create");
    const waitTimeoutMs = parseDuration(timeout ?? "5m", "timeout");
    return async (context) => {
      const { api, io, json } = context;
      const created = await api.createProcess(region);
      const shown = wait ? await waitWithProgress(context, created.processId, created, "running", waitTimeoutMs) : created;
      if (json) return io.json(shown);
      io.out(shown.processId);
    };
  },
};
