import { positionals, type Command } from "../command.js";
import { processFields } from "../format/process.js";

export const get: Command = {
  name: "get",
  usage: "ID [--v2]",
  summary: "one process, every field, times in local time and how long ago",
  details: ["--json prints the process as GetProcess (with --v2, GetProcessInfo) returns it."],
  options: ["v2"],
  prepare(line) {
    const [processId = ""] = positionals(line, "get", 1, 1, "a process id");
    return async ({ api, io, json }) => {
      const process = await api.getProcess(processId);
      if (json) return io.json(process);
      for (const field of processFields(process, Date.now(), io.outColour)) io.out(field);
    };
  },
};
