// What a failure prints and the exit code it ends with: 2 for the command line (also a client
// option the client refused, such as a malformed base URL), 1 for everything that happened
// after: the API said no, could not be reached, or a wait ended badly. One line, no stack.
import { ApiError, ConfigError, isHathoraError } from "../index.js";
import { CommandFailed, UsageError } from "./usage-error.js";

/** The exit code and the one line of a failure. */
export interface Failure {
  code: 1 | 2;
  line: string;
}

const oneLine = (text: string) => text.replace(/\s+/g, " ").trim();

/** How `error` is reported. The client's messages never hold the token; the Io removes it anyway. */
export function describeFailure(error: unknown): Failure {
  if (error instanceof UsageError || error instanceof ConfigError) {
    const help = error instanceof UsageError && error.command !== undefined ? `hathora-processes ${error.command} --help` : "hathora-processes --help";
    return { code: 2, line: `${oneLine(error.message)} (see ${help})` };
  }
  if (error instanceof ApiError) {
    // "404 Not Found: GET <url>: <the server's message>", and the request id to quote to the operator.
    const requestId = error.requestId === undefined ? "" : ` (request id ${error.requestId})`;
    return { code: 1, line: `${oneLine(error.message)}${requestId}` };
  }
  if (error instanceof CommandFailed || isHathoraError(error)) return { code: 1, line: oneLine((error as Error).message) };
  return { code: 1, line: `unexpected error: ${oneLine(error instanceof Error ? `${error.name}: ${error.message}` : String(error))}` };
}
