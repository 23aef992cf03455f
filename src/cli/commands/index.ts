// Every command of `hathora-processes`, in the order the help lists them.
import type { Command } from "../command.js";
import { count } from "./count.js";
import { create } from "./create.js";
import { get } from "./get.js";
import { metrics } from "./metrics.js";
import { ps } from "./ps.js";
import { stop } from "./stop.js";
import { wait } from "./wait.js";

export const COMMANDS: readonly Command[] = [ps, get, count, create, stop, wait, metrics];

/** The command called `name`, if there is one. */
export function findCommand(name: string): Command | undefined {
  return COMMANDS.find((command) => command.name === name);
}
