// Cloudflare workerd: the bundled scenario as an ES module Worker, served on a loopback port;
// one POST carrying the configuration runs it inside the fetch handler. The Worker's outbound
// fetches go through a network service that allows private and local addresses, without which
// workerd refuses to reach 127.0.0.1.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { start } from "../children.js";
import { freePort, waitForPort } from "../ports.js";
import { parseOutcomes, type Launcher } from "./launcher.js";

const config = (port: number) => `using Workerd = import "/workerd/workerd.capnp";

const config :Workerd.Config = (
  services = [
    (name = "scenario", worker = .scenarioWorker),
    (name = "loopback", network = (allow = ["public", "private", "local"])),
  ],
  sockets = [ (name = "http", address = "127.0.0.1:${port}", http = (), service = "scenario") ],
);

const scenarioWorker :Workerd.Worker = (
  modules = [ (name = "worker.mjs", esModule = embed "worker.mjs") ],
  compatibilityDate = "2025-09-01",
  globalOutbound = "loopback",
);
`;

export function workerdLauncher(binary: string): Launcher {
  return async ({ config: scenarioConfig, project, timeoutMs }) => {
    const port = await freePort();
    const configFile = join(project.dir, "workerd.capnp");
    writeFileSync(configFile, config(port));
    const workerd = start(binary, ["serve", configFile], { cwd: project.dir, env: { PATH: process.env.PATH ?? "/usr/bin:/bin" } });
    try {
      await waitForPort(port, workerd, 30_000);
      const response = await fetch(`http://127.0.0.1:${port}/`, {
        method: "POST",
        body: JSON.stringify(scenarioConfig),
        signal: AbortSignal.timeout(timeoutMs),
      });
      const text = await response.text();
      if (!response.ok) throw new Error(`workerd answered ${response.status}: ${text.slice(0, 500)}\n${workerd.output().slice(-3000)}`);
      return parseOutcomes(text);
    } finally {
      await workerd.stop();
    }
  };
}
