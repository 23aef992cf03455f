// Runs a command to completion and collects its output. Every child is tracked so that the
// harness can kill whatever is still running when it exits, however it exits.
import { spawn, type ChildProcess } from "node:child_process";

const running = new Set<ChildProcess>();
process.once("exit", () => {
  for (const child of running) child.kill("SIGKILL");
});

export interface ExecOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Killed (SIGKILL) after this long. @default 600000 */
  timeoutMs?: number;
}

export interface ExecResult {
  code: number | null;
  /** stdout and stderr interleaved as they arrived. */
  output: string;
  ms: number;
}

export function exec(command: string, args: readonly string[], options: ExecOptions = {}): Promise<ExecResult> {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    running.add(child);
    let output = "";
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
    };
    child.stdout.on("data", collect);
    child.stderr.on("data", collect);
    const timeoutMs = options.timeoutMs ?? 600_000;
    const timer = setTimeout(() => {
      output += `\n[killed after ${timeoutMs} ms]\n`;
      child.kill("SIGKILL");
    }, timeoutMs);
    const done = (code: number | null) => {
      clearTimeout(timer);
      running.delete(child);
      resolve({ code, output, ms: performance.now() - started });
    };
    child.once("error", (error) => {
      output += `${command}: ${error.message}\n`;
      done(null);
    });
    child.once("close", (code) => done(code));
  });
}

/** Like exec, but throws with the command's output when it does not exit 0. */
export async function mustExec(command: string, args: readonly string[], options: ExecOptions = {}): Promise<ExecResult> {
  const result = await exec(command, args, options);
  if (result.code !== 0) {
    const line = `${command} ${args.join(" ")}`;
    const shown = line.length > 300 ? `${line.slice(0, 300)}...` : line; // javac gets every source file
    throw new Error(`${shown} exited with ${result.code}:\n${result.output.slice(-6000)}`);
  }
  return result;
}
