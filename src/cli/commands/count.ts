import { filtersFrom, positionals, type Command } from "../command.js";

export const count: Command = {
  name: "count",
  usage: "[--status S]... [--region R]... [--v2]",
  summary: "how many processes match",
  details: ["--json prints { \"count\": N } as GetProcessesCountExperimental returns it."],
  options: ["status", "region", "v2"],
  prepare(line) {
    positionals(line, "count", 0, 0, "");
    const filters = filtersFrom(line.values);
    return async ({ api, io, json }) => {
      const result = await api.count(filters);
      if (json) return io.json(result);
      io.out(String(result.count));
    };
  },
};
