// What the Docker tests share: a configuration with one app per behaviour of the test game, each
// file's own app ids (so files never see each other's containers), the server in this process
// or as a child process (to SIGKILL it), and the removal of a file's containers afterwards.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { ServerConfig } from "../../src/server/index.js";
import { TEST_IMAGE } from "../setup/docker.global.js";

export const TOKEN = "docker-test-token-5f1e0c";
export const DOCKER = "unix:///var/run/docker.sock";
const root = fileURLToPath(new URL("../../", import.meta.url));

/** The apps of one test file: one per behaviour of the test game, with ids of its own. */
export function testApps(file: string) {
  const suffix = randomBytes(3).toString("hex");
  const id = (kind: string) => `app-${file}-${kind}-${suffix}`;
  const apps = {
    tcp: { id: id("tcp"), config: { image: TEST_IMAGE, containerPort: 7777, env: { MODE: "tcp", DELAY: "2", PORT: "7777" } } },
    udp: { id: id("udp"), config: { image: TEST_IMAGE, containerPort: 67, transportType: "udp" as const, env: { MODE: "udp", DELAY: "1" } } },
    exit: { id: id("exit"), config: { image: TEST_IMAGE, containerPort: 7777, env: { MODE: "exit", DELAY: "1", CODE: "3" } } },
    never: { id: id("never"), config: { image: TEST_IMAGE, containerPort: 7777, env: { MODE: "never" } } },
    stubborn: { id: id("stubborn"), config: { image: TEST_IMAGE, containerPort: 7777, env: { MODE: "tcp", PORT: "7777", TERM_SIGNAL: "ignore" } } },
    fast: { id: id("fast"), config: { image: TEST_IMAGE, containerPort: 7777, env: { MODE: "tcp", PORT: "7777" } } },
  };
  return { ...apps, all: Object.values(apps).map((app) => app.id), configs: Object.fromEntries(Object.values(apps).map((app) => [app.id, app.config])) };
}

/** A configuration for `apps` in region Seattle on the local Docker Engine. */
export function testConfig(apps: ReturnType<typeof testApps>, extra: Partial<ServerConfig> = {}): ServerConfig {
  return { listen: { port: 0 }, tokens: [TOKEN], engine: "docker", regions: { Seattle: { docker: DOCKER } }, apps: apps.configs, bootTimeoutSeconds: 30, stopGraceSeconds: 3, logRequests: false, ...extra };
}

/** Removes every container of these apps (the end of a test file). */
export function removeContainers(appIds: readonly string[]): void {
  for (const appId of appIds) {
    const ids = execFileSync("docker", ["ps", "-aq", "--filter", `label=hathora-processes.app-id=${appId}`], { encoding: "utf8" }).split("\n").filter(Boolean);
    if (ids.length > 0) execFileSync("docker", ["rm", "-f", ...ids], { stdio: "pipe" });
  }
}

/** The inspect of a process's container. */
export function inspectProcess(processId: string): { Config: { Env: string[] }; State: { Status: string }; Name: string } {
  const id = execFileSync("docker", ["ps", "-aq", "--filter", `label=hathora-processes.process-id=${processId}`], { encoding: "utf8" }).trim();
  return JSON.parse(execFileSync("docker", ["inspect", id], { encoding: "utf8" }))[0];
}

/** The server as a child process (`hathora-processes-server --config FILE`), to SIGKILL and start again. */
export async function spawnServer(config: ServerConfig): Promise<{ url: string; child: ChildProcess; output: () => string }> {
  const file = join(mkdtempSync(join(tmpdir(), "hathora-server-")), "config.json");
  writeFileSync(file, JSON.stringify(config));
  const child = spawn(process.execPath, ["--import", "tsx", "src/server/cli.ts", "--config", file], { cwd: root, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start: ${output}`)), 60_000);
    child.stdout?.on("data", () => {
      const match = /listening at (http:\/\/\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once("exit", (code) => reject(new Error(`server exited with ${code}: ${output}`)));
  });
  return { url, child, output: () => output };
}

/** Polls `read` until `done` holds or `timeoutMs` passes; answers the last value read. */
export async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 60_000, everyMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
