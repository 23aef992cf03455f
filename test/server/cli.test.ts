// `npm run serve` with no config (tsx, no build): prints a URL and a token, serves the fake
// engine, and stops on SIGTERM with exit 0; a bad config is one line naming the key, exit 2.
import { spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { createHathoraClient } from "../../src/index.js";

const root = fileURLToPath(new URL("../../", import.meta.url));
const serve = (args: string[]) => spawn(process.execPath, ["--import", "tsx", "src/server/cli.ts", ...args], { cwd: root, stdio: ["ignore", "pipe", "pipe"] });

describe("hathora-processes-server", () => {
  it("with no --config serves the fake engine and prints its URL, app id and token", async () => {
    const child = serve(["--port", "0"]);
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
    try {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no token printed: ${out}`)), 60_000);
        child.stdout.on("data", () => /token: \S+/.test(out) && (clearTimeout(timer), resolve()));
      });
      const url = /at (http:\/\/127\.0\.0\.1:\d+)/.exec(out)?.[1] ?? "";
      const appId = /appId: (\S+)/.exec(out)?.[1] ?? "";
      const token = /token: (\S+)/.exec(out)?.[1] ?? "";
      const hathora = createHathoraClient({ token, appId, baseUrl: url, logLevel: "off" });
      const created = await hathora.processesV3.createProcess({ region: "Frankfurt" });
      expect(created.status).toBe("starting");
      expect(await hathora.processesV3.getProcessesCountExperimental()).toEqual({ count: 1 });
    } finally {
      child.kill("SIGTERM");
    }
    expect(await exited).toBe(0);
  });

  it("a bad config is one line naming the key, exit code 2", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "cli-config-")), "bad.json");
    writeFileSync(file, JSON.stringify({ engine: "docker", tokens: ["t"], regions: { Seattle: {} }, apps: { "app-1": { containerPort: 7777 } } }));
    const child = serve(["--config", file]);
    let err = "";
    child.stderr.on("data", (chunk: Buffer) => (err += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
    expect(code).toBe(2);
    expect(err.trim().split("\n").at(-1)).toBe("hathora-processes-server: config apps.app-1.image: required");
  });
});
