// Case (d) of `npm run test:languages`: hathora-processes-server, on Docker when `docker info`
// answers (each process a container of the busybox test image), else on its fake engine; the
// table says which. Before each program runs, a real process is created and waited for, and its
// id handed over in HATHORA_TEST_PROCESS_ID: the program gets, lists, counts, stops, measures it.
import { execFileSync } from "node:child_process";
import { createHathoraClient } from "../../src/index.js";
import { createProcessesServer, type ServerConfig } from "../../src/server/index.js";
import { buildTestImage, dockerAnswers, TEST_IMAGE } from "../docker/test-image.js";
import { ODD } from "./odd-server.js";

export interface ServedServer {
  url: string;
  engine: "docker" | "fake";
  /** A new running process for the next program; its id. */
  freshProcess(): Promise<string>;
  stop(): Promise<void>;
}

const LABEL_APP = "hathora-processes.app-id";

export async function startServedServer(token: string): Promise<ServedServer> {
  const engine = dockerAnswers() ? "docker" : "fake";
  if (engine === "docker") buildTestImage();
  const local = { docker: "unix:///var/run/docker.sock" };
  const config: ServerConfig = {
    listen: { port: 0 },
    tokens: [token],
    engine,
    // The programs create in Tokyo (and filter on Seattle).
    regions: { Seattle: local, Tokyo: local },
    apps: { [ODD.appId]: { image: TEST_IMAGE, containerPort: 7777, env: { MODE: "tcp", PORT: "7777" } } },
    stopGraceSeconds: 2,
    logRequests: false,
  };
  const removeContainers = () => {
    if (engine !== "docker") return;
    const ids = execFileSync("docker", ["ps", "-aq", "--filter", `label=${LABEL_APP}=${ODD.appId}`], { encoding: "utf8" }).split("\n").filter(Boolean);
    if (ids.length > 0) execFileSync("docker", ["rm", "-f", ...ids], { stdio: "pipe" });
  };
  removeContainers();
  const server = await createProcessesServer(config, { log: () => {} });
  const hathora = createHathoraClient({ token, appId: ODD.appId, baseUrl: server.url, logLevel: "off" });
  return {
    url: server.url,
    engine,
    freshProcess: async () => (await hathora.processesV3.createProcessAndWait({ region: "Seattle", pollIntervalMs: 200 })).processId,
    async stop() {
      await server.close();
      removeContainers();
    },
  };
}
