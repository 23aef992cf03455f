// What a command is: its help, the options it takes, and a check of its arguments that returns
// the work to do, so that every usage error is found before the client is even created.
import type { HathoraClient } from "../index.js";
import type { ProcessesApi, Filters } from "./api.js";
import type { CommandLine, OptionName, OptionValues } from "./args.js";
import type { Io } from "./io.js";
import { UsageError } from "./usage-error.js";

/** What a command's work gets: the client (v2 or v3 methods as asked) and the output. */
export interface CommandContext {
  api: ProcessesApi;
  client: HathoraClient;
  io: Io;
  /** --json: only JSON on stdout. */
  json: boolean;
}

/** The work of a command, its arguments already checked. */
export type Work = (context: CommandContext) => Promise<void>;

/** One subcommand of `hathora-processes`. */
export interface Command {
  name: string;
  /** The arguments after the name, as the help shows them: `ID [--wait]`. */
  usage: string;
  /** One line for the overall help. */
  summary: string;
  /** Lines of the command's own help, after its usage. */
  details: string[];
  /** The options it takes besides the global ones. */
  options: readonly OptionName[];
  /** Checks the arguments (UsageError if wrong) and returns the work; nothing is sent before it runs. */
  prepare(line: CommandLine, io: Io): Work;
}

/** The positional arguments, checked to be between `min` and `max` of them. */
export function positionals(line: CommandLine, command: string, min: number, max: number, what: string): string[] {
  const { positionals: given } = line;
  if (given.length < min) throw new UsageError(`${command} needs ${what}`, command);
  if (given.length > max) throw new UsageError(`${command} takes ${max === 0 ? "no arguments" : `at most ${max} argument${max === 1 ? "" : "s"} (${what})`}, got ${given.length}`, command);
  if (given.some((value) => value === "")) throw new UsageError(`${command}: ${what} must not be empty`, command);
  return given;
}

/** A repeatable option's values, each of which may also be a comma-separated list. */
export function listOption(values: string[] | undefined): string[] | undefined {
  const items = values?.flatMap((value) => value.split(",")).map((item) => item.trim()).filter((item) => item !== "");
  return items === undefined || items.length === 0 ? undefined : items;
}

/** --status and --region as the client's filters. */
export function filtersFrom(values: OptionValues): Filters {
  const status = listOption(values.status);
  const region = listOption(values.region);
  return { ...(status && { status }), ...(region && { region }) };
}
