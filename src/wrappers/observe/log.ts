// The client's log: the level is picked once (option, else HATHORA_LOG, else "warn") and each
// level's function is built once, a no-op when the level is off, so a quiet client pays nothing
// per call. A logger that throws is ignored: logging never changes a call's outcome.
import { environmentVariable } from "./environment.js";

/** How much the client logs: each level includes the ones before it. */
export type LogLevel = "off" | "error" | "warn" | "info" | "debug";

/** A console-shaped logger: `console` itself, pino, winston, or your own. */
export interface Logger {
  /** Logs a failure. */
  error(message: string, ...details: unknown[]): void;
  /** Logs a warning. */
  warn(message: string, ...details: unknown[]): void;
  /** Logs an informational line. */
  info(message: string, ...details: unknown[]): void;
  /** Logs a debugging line (may include redacted headers). */
  debug(message: string, ...details: unknown[]): void;
}

const LEVELS: readonly LogLevel[] = ["off", "error", "warn", "info", "debug"];
type LogFunction = (message: string) => void;

/** The client's four log functions; each is `undefined` when its level is off. */
export interface Log {
  error: LogFunction | undefined;
  warn: LogFunction | undefined;
  info: LogFunction | undefined;
  debug: LogFunction | undefined;
}

/** The client's log functions, built once from its `logger` and `logLevel` options. */
export function createLog(logger: Logger = console, option: LogLevel | undefined = undefined): Log {
  // The level in force: the option, else a valid HATHORA_LOG, else "warn".
  const fromEnvironment = option === undefined ? environmentVariable("HATHORA_LOG") : undefined;
  const named = fromEnvironment?.trim().toLowerCase() as LogLevel | undefined;
  const known = named !== undefined && LEVELS.includes(named);
  const unknownName = !known && fromEnvironment !== undefined && fromEnvironment !== "";
  const level = LEVELS.indexOf(option ?? (known ? named : "warn"));
  const at = (rank: number, name: Exclude<LogLevel, "off">): LogFunction | undefined =>
    level < rank
      ? undefined
      : (message) => {
          try {
            logger[name](message);
          } catch {
            // A failing logger loses its line, never the call.
          }
        };
  const log = { error: at(1, "error"), warn: at(2, "warn"), info: at(3, "info"), debug: at(4, "debug") };
  if (unknownName) {
    log.warn?.(`hathora-processes: HATHORA_LOG=${JSON.stringify(fromEnvironment)} is not one of ${LEVELS.join(", ")}; logging at warn`);
  }
  return log;
}
