// Where the command writes: data on stdout, progress, logs and errors on stderr. Colour only on a
// terminal and never with NO_COLOR. Everything written passes one last check that removes the
// token, should a server ever echo it back in data.
import type { Logger } from "../index.js";
import { palette, type Palette } from "./format/colour.js";

/** A stream as much as the command needs of it. */
export interface OutStream {
  write(text: string): unknown;
  isTTY?: boolean | undefined;
  /** Width of the terminal, when the stream is one. */
  columns?: number | undefined;
}

/** What the process gives the command: its streams and environment. */
export interface ProcessIo {
  stdout: OutStream;
  stderr: OutStream;
  stdin: NodeJS.ReadableStream & { isTTY?: boolean | undefined };
  env: NodeJS.ProcessEnv;
}

/** The command's output, with colours chosen for each stream. */
export interface Io {
  /** A line of data on stdout. */
  out(line: string): void;
  /** A value as JSON on stdout. */
  json(value: unknown): void;
  /** A line of progress or of an error on stderr. */
  err(line: string): void;
  /** A question on stderr, the answer to be typed on the same line. */
  prompt(text: string): void;
  /** Colours for stdout's text, no-ops when stdout gets none. */
  outColour: Palette;
  /** Colours for stderr's text. */
  errColour: Palette;
  /** Columns of stdout's terminal; 80 when it is not one. */
  width: number;
  /** Whether a person can answer a question: stdin and stderr are terminals. */
  interactive: boolean;
  stdin: ProcessIo["stdin"];
  env: NodeJS.ProcessEnv;
  /** The client's logger: every level to stderr. */
  logger: Logger;
  /** From now on, remove `token` from everything written (if it is long enough: see HIDDEN_MIN_LENGTH). */
  hideToken(token: string | undefined): void;
}

// As the client does: a token this long cannot be mistaken for ordinary text, a shorter one
// (a test placeholder) is never in what the CLI writes itself.
const HIDDEN_MIN_LENGTH = 8;

export function createIo(processIo: ProcessIo): Io {
  const { stdout, stderr, stdin, env } = processIo;
  // https://no-color.org: set and not empty.
  const noColour = env.NO_COLOR !== undefined && env.NO_COLOR !== "";
  const hidden: string[] = [];
  const clean = (text: string) => hidden.reduce((clear, token) => (clear.includes(token) ? clear.split(token).join("[REDACTED]") : clear), text);
  const err = (line: string) => void stderr.write(`${clean(line)}\n`);
  return {
    out: (line) => void stdout.write(`${clean(line)}\n`),
    json: (value) => void stdout.write(`${clean(JSON.stringify(value, null, 2))}\n`),
    err,
    prompt: (text) => void stderr.write(clean(text)),
    outColour: palette(stdout.isTTY === true && !noColour),
    errColour: palette(stderr.isTTY === true && !noColour),
    width: stdout.isTTY === true && stdout.columns ? stdout.columns : 80,
    interactive: stdin.isTTY === true && stderr.isTTY === true,
    stdin,
    env,
    logger: { error: err, warn: err, info: err, debug: err },
    hideToken(token) {
      if (token !== undefined && token.length >= HIDDEN_MIN_LENGTH) hidden.push(token);
    },
  };
}
