import { execFile } from "node:child_process";
import { promisify } from "node:util";

const exec = promisify(execFile);

/** Runs a command; resolves with its exit code and output (stdout then stderr) instead of throwing. */
export async function runCommand(file: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): Promise<{ code: number; out: string }> {
  try {
    const { stdout, stderr } = await exec(file, args, { ...options, maxBuffer: 32 * 1024 * 1024 });
    return { code: 0, out: stdout + stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof failed.code === "number" ? failed.code : 1, out: `${failed.stdout ?? ""}${failed.stderr ?? ""}` };
  }
}
