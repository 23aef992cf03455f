import { filtersFrom, positionals, type Command } from "../command.js";
import { processTable } from "../format/process.js";

export const ps: Command = {
  name: "ps",
  usage: "[--status S]... [--region R]... [--v2]",
  summary: "the latest processes as a table: id, status, region, host:port, age, rooms",
  details: ["The API lists the 10 latest processes matching the filters, newest first.", "--json prints the array GetLatestProcesses returns."],
  options: ["status", "region", "v2"],
  prepare(line) {
    positionals(line, "ps", 0, 0, "");
    const filters = filtersFrom(line.values);
    return async ({ api, io, json }) => {
      const processes = await api.getLatestProcesses(filters);
      if (json) return io.json(processes);
      for (const row of processTable(processes, Date.now(), io.outColour)) io.out(row);
    };
  },
};
