// Child processes of the harness: each one is stopped by the code that started it, and any
// still running when the harness exits (an exception, Ctrl-C) is killed with its whole group.
import { spawn, type ChildProcess, type SpawnOptions } from "node:child_process";

const running = new Set<ChildProcess>();

/**
 * Signals the child's whole process group (the child leads its own, being detached), so its
 * helpers (Chromium's renderers, say) go too, even after the leader itself has exited.
 */
function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // ESRCH: the group is gone already. Otherwise, signal at least the leader if it still runs.
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  }
}

process.once("exit", () => {
  for (const child of running) killGroup(child, "SIGKILL");
});
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    for (const child of running) killGroup(child, "SIGKILL");
    process.exit(130);
  });
}

export interface Started {
  child: ChildProcess;
  /** stdout and stderr so far (the last 200 kB). */
  output(): string;
  exited: Promise<number | null>;
  /** SIGTERM to the group, SIGKILL after 3 s; resolves once it has exited. */
  stop(): Promise<void>;
}

export function start(file: string, args: string[], options: SpawnOptions = {}): Started {
  const child = spawn(file, args, { stdio: ["ignore", "pipe", "pipe"], ...options, detached: true });
  running.add(child);
  let output = "";
  const remember = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-200_000);
  };
  child.stdout?.on("data", remember);
  child.stderr?.on("data", remember);
  const exited = new Promise<number | null>((resolve) => {
    child.once("error", (error) => {
      output += `\n${error.message}`;
      running.delete(child);
      resolve(null);
    });
    child.once("close", (code) => {
      running.delete(child);
      resolve(code);
    });
  });
  return {
    child,
    output: () => output,
    exited,
    async stop() {
      killGroup(child, "SIGTERM");
      const force = setTimeout(() => killGroup(child, "SIGKILL"), 3000);
      await exited;
      clearTimeout(force);
      killGroup(child, "SIGKILL"); // helpers of the group that outlived their leader
    },
  };
}

/** Runs a command to its end; rejects with its output when it fails or outlives timeoutMs. */
export async function run(file: string, args: string[], options: SpawnOptions & { timeoutMs?: number } = {}): Promise<string> {
  const { timeoutMs = 300_000, ...spawnOptions } = options;
  const started = start(file, args, spawnOptions);
  const timer = setTimeout(() => void started.stop(), timeoutMs);
  const code = await started.exited;
  clearTimeout(timer);
  if (code !== 0) throw new Error(`${file} ${args.join(" ")} failed (exit ${code}):\n${started.output().slice(-4000)}`);
  return started.output();
}
