import { positionals, type Command } from "../command.js";
import { parseDuration } from "../durations.js";
import { UsageError } from "../usage-error.js";
import { waitWithProgress } from "../wait-progress.js";

export const wait: Command = {
  name: "wait",
  usage: "ID [--until running|stopped] [--timeout 5m] [--v2]",
  summary: "wait for a process to reach a status, showing each status change",
  details: [
    "Each status change goes to stderr; the status reached is printed on stdout.",
    "--until takes any status (Hathora adds some); a process that ends before it gets there,",
    "or a timeout, exits 1. --json prints the process as it was reached.",
  ],
  options: ["until", "timeout", "v2"],
  prepare(line) {
    const [processId = ""] = positionals(line, "wait", 1, 1, "a process id");
    const { until = "running", timeout } = line.values;
    if (until.trim() === "") throw new UsageError("--until needs a status, such as running or stopped", "wait");
    const waitTimeoutMs = parseDuration(timeout ?? "5m", "timeout");
    return async (context) => {
      const reached = await waitWithProgress(context, processId, undefined, until, waitTimeoutMs);
      if (context.json) return context.io.json(reached);
      context.io.out(reached.status);
    };
  },
};
