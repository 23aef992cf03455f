// The README's Install commands, read from its ```sh block, so that the global setup installs
// the package exactly as the README tells a user to (the `npm pack` and the `npm install` lines),
// and a change to either is tested by every run of `npm test`.
import { readFileSync } from "node:fs";
import { join } from "node:path";

/** The two commands of the README's Install block, as argument lists. */
export interface ReadmeInstall {
  /** The arguments of `npm pack`, `../my-service` standing for the user's project. */
  pack: string[];
  /** The arguments of `npm install` run in the user's project. */
  install: string[];
}

/** The folder the README's commands call the user's project. */
export const USER_PROJECT = "../my-service";

/** Reads README.md's Install section; throws when its commands are not where they should be. */
export function readmeInstall(repo: string): ReadmeInstall {
  const readme = readFileSync(join(repo, "README.md"), "utf8");
  const block = /## Install\n[\s\S]*?```sh\n([\s\S]*?)```/.exec(readme)?.[1];
  if (!block) throw new Error("README.md has no ```sh block under ## Install.");
  const command = (pattern: RegExp) => {
    const found = block.split("\n").map((line) => line.replace(/\s+#.*$/, "")).map((line) => pattern.exec(line)?.[1]).find(Boolean);
    if (!found) throw new Error(`README.md's Install block has no line matching ${pattern}:\n${block}`);
    return found.trim().split(/\s+/);
  };
  return {
    pack: command(/^npm ci && npm pack(.*)$/),
    install: command(new RegExp(`^cd ${USER_PROJECT.replace(/[./]/g, "\\$&")} && npm install(.*)$`)),
  };
}
