// A yes/no question on the terminal: anything but "y" or "yes" (or the end of input) is no.
import { createInterface } from "node:readline";
import type { Io } from "./io.js";

/** Asks `question` on stderr and reads one line of stdin; true only for y or yes. */
export async function confirm(io: Io, question: string): Promise<boolean> {
  io.prompt(`${question} [y/N] `);
  const lines = createInterface({ input: io.stdin, crlfDelay: Infinity });
  try {
    const answer = await new Promise<string>((resolve) => {
      lines.once("line", resolve);
      lines.once("close", () => resolve(""));
    });
    return /^y(es)?$/i.test(answer.trim());
  } finally {
    lines.close();
  }
}
