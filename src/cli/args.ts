// The one place where the command line is parsed: every option of every command is declared in
// OPTIONS (Node's util.parseArgs reads them), each command names the ones it accepts, and every
// mistake becomes a UsageError before anything is sent.
import { parseArgs } from "node:util";
import { UsageError } from "./usage-error.js";

interface OptionSpec {
  type: "string" | "boolean";
  multiple?: boolean;
  short?: string;
  /** The placeholder of its value in help texts. */
  value?: string;
  help: string;
}

/** Every option of the command line, with its help line. */
export const OPTIONS = {
  token: { type: "string", value: "TOKEN", help: "developer token (default: $HATHORA_TOKEN); prefer the variable: other users can read a flag in the system's process list" },
  "app-id": { type: "string", value: "APP_ID", help: "application id (default: $HATHORA_APP_ID)" },
  "base-url": { type: "string", value: "URL", help: "API base URL (default: $HATHORA_BASE_URL, else https://api.hathora.dev)" },
  json: { type: "boolean", help: "print JSON on stdout, the shapes the client returns, instead of text" },
  help: { type: "boolean", short: "h", help: "show help" },
  v2: { type: "boolean", help: "use the deprecated v2 endpoints" },
  status: { type: "string", multiple: true, value: "STATUS", help: "only processes with this status (repeat for several)" },
  region: { type: "string", multiple: true, value: "REGION", help: "only processes in this region (repeat for several)" },
  all: { type: "boolean", help: "every listed process matching --status and --region" },
  yes: { type: "boolean", short: "y", help: "stop several processes without asking" },
  wait: { type: "boolean", help: "wait until the process gets there, showing each status change" },
  until: { type: "string", value: "STATUS", help: "the status to wait for (default: running)" },
  timeout: { type: "string", value: "DURATION", help: "how long to wait: 90s, 5m, 1h (default: 5m)" },
  metrics: { type: "string", multiple: true, value: "LIST", help: "metrics to chart, comma-separated (default: cpu,memory,rateEgress,activeConnections)" },
  since: { type: "string", value: "DURATION", help: "how far back: 30m, 1h, 1d (default: 1h)" },
  step: { type: "string", value: "SECONDS", help: "seconds per data point (default: 60)" },
} as const satisfies Record<string, OptionSpec>;

export type OptionName = keyof typeof OPTIONS;

/** The options every command accepts. */
export const GLOBAL_OPTIONS: readonly OptionName[] = ["token", "app-id", "base-url", "json", "help"];

export type OptionValues = ReturnType<typeof parseAll>["values"];

/** What the command line says: the command, its positional arguments and its options. */
export interface CommandLine {
  /** The first positional argument; undefined when there is none. */
  command: string | undefined;
  positionals: string[];
  values: OptionValues;
  /** The options given, by name, in the order they were given. */
  given: OptionName[];
}

function parseAll(argv: string[]) {
  return parseArgs({ args: argv, options: OPTIONS, strict: true, allowPositionals: true, tokens: true });
}

/** Parses `argv` (without node and the script); UsageError for an unknown option or a missing value. */
export function parseCommandLine(argv: string[]): CommandLine {
  let parsed: ReturnType<typeof parseAll>;
  try {
    parsed = parseAll(argv);
  } catch (error) {
    throw new UsageError(usageMessage(error));
  }
  const given = parsed.tokens.flatMap((token) => (token.kind === "option" ? [token.name as OptionName] : []));
  const [command, ...positionals] = parsed.positionals;
  return { command, positionals, values: parsed.values, given };
}

/** Throws a UsageError if an option was given that `command` does not take. */
export function checkOptionsOf(line: CommandLine, command: string, accepted: readonly OptionName[]): void {
  const wrong = line.given.find((name) => !GLOBAL_OPTIONS.includes(name) && !accepted.includes(name));
  if (wrong !== undefined) throw new UsageError(`${command} does not take --${wrong}`);
}

// parseArgs' messages name the option and never its value, but some run over several lines.
function usageMessage(error: unknown): string {
  const { code, message } = error as { code?: string; message?: string };
  if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") {
    const option = /'([^']*)'/.exec(message ?? "")?.[1] ?? "";
    return `unknown option ${option.split("=")[0]}`;
  }
  return (message ?? String(error)).split("\n")[0] ?? "bad command line";
}
