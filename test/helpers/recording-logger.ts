// A console-shaped logger that keeps every line with its level, for tests that read the log.
import type { Logger, LogLevel } from "../../src/index.js";

export interface LoggedLine {
  level: Exclude<LogLevel, "off">;
  text: string;
}

export function recordingLogger(): Logger & { lines: LoggedLine[] } {
  const lines: LoggedLine[] = [];
  const at =
    (level: LoggedLine["level"]) =>
    (...parts: unknown[]) =>
      lines.push({ level, text: parts.map((part) => (typeof part === "string" ? part : JSON.stringify(part))).join(" ") });
  return { lines, error: at("error"), warn: at("warn"), info: at("info"), debug: at("debug") };
}
