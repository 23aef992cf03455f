// Runs a command under another Node major from the runtimes cache, e.g.
// `tsx scripts/runtimes/with-node.ts 24 npm test`. That node goes first on PATH, so npm (whose
// shebang is `env node`), the scripts it runs, vitest and every child they start use it.
import { spawn } from "node:child_process";
import { dirname } from "node:path";
import { ensureNode } from "./install.js";

const [major, command, ...args] = process.argv.slice(2);
if (major === undefined || !/^\d+$/.test(major) || command === undefined) {
  console.error("usage: tsx scripts/runtimes/with-node.ts <major> <command> [args...]");
  process.exit(2);
}

const node = await ensureNode(Number(major));
console.log(`with-node: ${node}`);
const PATH = `${dirname(node)}:${process.env.PATH ?? ""}`;
// npm sets npm_node_execpath and NODE to the outer node; they would point the inner npm back at it.
const { npm_node_execpath: _execPath, NODE: _node, ...env } = process.env;
const child = spawn(command, args, { stdio: "inherit", env: { ...env, PATH } });
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
child.once("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
