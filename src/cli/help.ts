// The help texts: the whole command's and each subcommand's, made from the command table and
// the option table, so that they list exactly what the parser accepts.
import { GLOBAL_OPTIONS, OPTIONS, type OptionName } from "./args.js";
import type { Command } from "./command.js";
import { COMMANDS } from "./commands/index.js";

const BIN = "hathora-processes";

function optionLines(names: readonly OptionName[]): string[] {
  const labels = names.map((name) => {
    const spec: { short?: string; value?: string; help: string } = OPTIONS[name];
    return `${spec.short ? `-${spec.short}, ` : ""}--${name}${spec.value ? ` ${spec.value}` : ""}`;
  });
  const width = Math.max(...labels.map((label) => label.length));
  return names.map((name, index) => `  ${(labels[index] ?? "").padEnd(width)}  ${OPTIONS[name].help}`);
}

const FOOTER = [
  "Environment: HATHORA_TOKEN, HATHORA_APP_ID, HATHORA_BASE_URL (a flag wins over its variable);",
  "HATHORA_LOG=error|warn|info|debug logs the requests on stderr (never the token); NO_COLOR=1",
  "turns colour off (there is none either when stdout is not a terminal).",
  "Exit codes: 0 success, 1 the API said no or could not be reached, 2 usage error (nothing sent).",
];

/** `hathora-processes --help`. */
export function overallHelp(): string[] {
  const width = Math.max(...COMMANDS.map((command) => command.name.length));
  return [
    `${BIN}: see and operate Hathora processes (the API, the fake, or a self-hosted server)`,
    "",
    `Usage: ${BIN} <command> [options]`,
    "",
    "Commands:",
    ...COMMANDS.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`),
    "",
    "Options of every command:",
    ...optionLines(GLOBAL_OPTIONS),
    "",
    ...FOOTER,
    "",
    `${BIN} <command> --help shows a command's own options.`,
  ];
}

/** `hathora-processes <command> --help`. */
export function commandHelp(command: Command): string[] {
  return [
    `Usage: ${BIN} ${command.name} ${command.usage}`,
    "",
    `${command.summary.charAt(0).toUpperCase()}${command.summary.slice(1)}.`,
    ...command.details,
    ...(command.options.length > 0 ? ["", "Options:", ...optionLines(command.options)] : []),
    "",
    "Options of every command:",
    ...optionLines(GLOBAL_OPTIONS),
  ];
}
