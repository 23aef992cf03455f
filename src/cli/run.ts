// One run of `hathora-processes`: parse, check, configure, then the command's work. Every usage
// error is thrown before the client exists, so none of them sends a request.
import { createHathoraClient } from "../index.js";
import { processesApi } from "./api.js";
import { checkOptionsOf, parseCommandLine } from "./args.js";
import { findCommand } from "./commands/index.js";
import { connectionFrom } from "./config.js";
import { describeFailure } from "./failure.js";
import { commandHelp, overallHelp } from "./help.js";
import { createIo, type ProcessIo } from "./io.js";
import { UsageError } from "./usage-error.js";

/** Runs the command line `argv` (without node and the script); resolves with the exit code. */
export async function runCli(argv: string[], processIo: ProcessIo): Promise<number> {
  const io = createIo(processIo);
  io.hideToken(processIo.env.HATHORA_TOKEN);
  try {
    const line = parseCommandLine(argv);
    io.hideToken(line.values.token);
    const { command: name, values } = line;
    if (name === undefined) {
      if (!values.help) throw new UsageError("a command is needed: ps, get, count, create, stop, wait or metrics");
      overallHelp().forEach(io.out);
      return 0;
    }
    if (name === "help") {
      const about = line.positionals[0] === undefined ? undefined : findCommand(line.positionals[0]);
      if (line.positionals[0] !== undefined && about === undefined) throw new UsageError(`no command called "${line.positionals[0]}"`);
      (about ? commandHelp(about) : overallHelp()).forEach(io.out);
      return 0;
    }
    const command = findCommand(name);
    if (command === undefined) throw new UsageError(`unknown command "${name}"`);
    checkOptionsOf(line, command.name, command.options);
    if (values.help) {
      commandHelp(command).forEach(io.out);
      return 0;
    }
    const work = command.prepare(line, io);
    const client = createHathoraClient({ ...connectionFrom(values, io.env), logger: io.logger });
    await work({ api: processesApi(client, values.v2 ?? false), client, io, json: values.json ?? false });
    return 0;
  } catch (error) {
    const { code, line } = describeFailure(error);
    io.err(`hathora-processes: ${line}`);
    return code;
  }
}
