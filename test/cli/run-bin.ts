// Runs the packed `hathora-processes` bin (of packedPackage()'s project) as a user's shell would:
// its own process, stdout and stderr apart, the exit code, an environment without the caller's
// HATHORA_* and NO_COLOR variables unless a test sets them.
import { spawn } from "node:child_process";
import { join } from "node:path";
import { packedPackage } from "../helpers/packed-package.js";

/** What a run of the bin printed, and how it ended. */
export interface BinResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The installed bin of the packed package (waits for the run's package to be ready). */
export const binPath = async (): Promise<string> => join((await packedPackage()).consumerDir, "node_modules/.bin/hathora-processes");

/** The environment of a run: the test's own, without HATHORA_* and NO_COLOR, plus `extra`. */
export function binEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith("HATHORA_") && name !== "NO_COLOR"));
  return { ...env, ...extra };
}

/** Runs the bin with `args`; `input` is written to its stdin (a pipe, so never a terminal). */
export async function runBin(args: string[], env: NodeJS.ProcessEnv, input = ""): Promise<BinResult> {
  const bin = await binPath();
  return new Promise((resolve, reject) => {
    const child = spawn(bin, args, { env, stdio: ["pipe", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

/** The environment pointing the bin at a listening fake. */
export function fakeEnv(url: string, extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  return binEnv({ HATHORA_TOKEN: "fake-hathora-token", HATHORA_APP_ID: "app-fake", HATHORA_BASE_URL: url, ...extra });
}

/** Whether `text` holds an ANSI escape sequence. */
export const hasEscapes = (text: string): boolean => text.includes("\x1b[");
