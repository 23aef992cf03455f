// Node, Bun and Deno: the runtime's binary runs the scenario file in the fresh project, which
// imports the installed package by name; the outcomes come back on stdout.
import { join } from "node:path";
import { start } from "../children.js";
import type { Launcher } from "./launcher.js";
import { parseOutcomes } from "./launcher.js";

const MARKER = "SCENARIO-RESULT ";

export function cliLauncher(kind: "node" | "bun" | "deno", binary: string, cacheDir: string): Launcher {
  return async ({ config, project, timeoutMs }) => {
    const json = JSON.stringify(config);
    const args =
      kind === "deno"
        ? ["run", "--allow-net=127.0.0.1", "--allow-read", "--allow-env", "--no-prompt", "--node-modules-dir=manual", project.cliEntry, json]
        : [project.cliEntry, json];
    // A minimal environment: nothing of the harness's own Node (NODE_OPTIONS, npm_*) leaks in.
    const env = {
      PATH: process.env.PATH ?? "/usr/bin:/bin",
      HOME: process.env.HOME ?? "/tmp",
      DENO_DIR: join(cacheDir, "deno-dir"),
      DENO_NO_UPDATE_CHECK: "1",
      NO_COLOR: "1",
    };
    const child = start(binary, args, { cwd: project.dir, env });
    const timer = setTimeout(() => void child.stop(), timeoutMs);
    const code = await child.exited;
    clearTimeout(timer);
    const line = child.output().split("\n").find((candidate) => candidate.startsWith(MARKER));
    if (line === undefined) throw new Error(`no result (exit ${code}):\n${child.output().slice(-3000)}`);
    return parseOutcomes(line.slice(MARKER.length));
  };
}
