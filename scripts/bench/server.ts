// `npm run bench:server`: the self-hosted server on the local Docker Engine. Prints
// create-to-running (p50/p99, one at a time and 50 at once) and the server's own overhead per
// request beside the raw Docker Engine calls that answer the same question. Figures only: it
// never fails on timing. Needs Docker (scripts/docker/ensure-docker.sh) and busybox-static.
//
//   npm run bench:server               30 single creates, 50 at once, 200 requests per kind
//   npm run bench:server -- --quick    10, 20, 50
import { execFileSync } from "node:child_process";
import { cpus } from "node:os";
import Docker from "dockerode";
import { createHathoraClient } from "../../src/index.js";
import { createProcessesServer } from "../../src/server/index.js";
import { buildTestImage, dockerAnswers, TEST_IMAGE } from "../docker/test-image.js";
import { quantile } from "./stats.js";

const quick = process.argv.includes("--quick");
const [SINGLE, BURST, REQUESTS] = quick ? [10, 20, 50] : [30, 50, 200];
const APP = "app-bench-server";
const TOKEN = "bench-token";
const LABEL_APP = "hathora-processes.app-id";

const ms = (value: number) => `${value.toFixed(1)} ms`;
const figures = (values: number[]) => `p50 ${ms(quantile(values, 0.5))}, p99 ${ms(quantile(values, 0.99))} (n=${values.length})`;
const removeAll = () => {
  const ids = execFileSync("docker", ["ps", "-aq", "--filter", `label=${LABEL_APP}=${APP}`], { encoding: "utf8" }).split("\n").filter(Boolean);
  if (ids.length > 0) execFileSync("docker", ["rm", "-f", ...ids], { stdio: "pipe" });
};

async function timed(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

async function main(): Promise<void> {
  if (!dockerAnswers()) throw new Error("no Docker Engine answers: run scripts/docker/ensure-docker.sh first");
  buildTestImage();
  removeAll();
  const server = await createProcessesServer(
    { listen: { port: 0 }, tokens: [TOKEN], engine: "docker", regions: { Seattle: { docker: "unix:///var/run/docker.sock" } }, apps: { [APP]: { image: TEST_IMAGE, containerPort: 7777, env: { MODE: "tcp", PORT: "7777" } } }, stopGraceSeconds: 1, logRequests: false },
    { log: () => {} },
  );
  const hathora = createHathoraClient({ token: TOKEN, appId: APP, baseUrl: server.url, logLevel: "off", maxRetries: 0 });
  const docker = new Docker({ socketPath: "/var/run/docker.sock" });
  console.log(`bench:server on ${cpus().length} cores, Docker ${execFileSync("docker", ["info", "--format", "{{.ServerVersion}}"], { encoding: "utf8" }).trim()}, image ${TEST_IMAGE} (the game binds at once)`);

  const untilRunning = async (processId: string): Promise<void> => {
    for (;;) {
      if ((await hathora.processesV3.getProcess({ processId })).status === "running") return;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };
  try {
    const single: number[] = [];
    for (let i = 0; i < SINGLE; i++) single.push(await timed(async () => untilRunning((await hathora.processesV3.createProcess({ region: "Seattle" })).processId)));
    console.log(`create-to-running, one at a time (create, then GetProcess every 20 ms): ${figures(single)}`);

    const burstStart = performance.now();
    const burst = await Promise.all(Array.from({ length: BURST }, async () => {
      const { processId } = await hathora.processesV3.createProcess({ region: "Seattle" });
      await untilRunning(processId);
      return { processId, ms: performance.now() - burstStart };
    }));
    const ports = new Set(await Promise.all(burst.map(async ({ processId }) => (await hathora.processesV3.getProcess({ processId })).exposedPort?.port)));
    console.log(`create-to-running, ${BURST} at once: ${figures(burst.map((entry) => entry.ms))}; all running after ${ms(Math.max(...burst.map((entry) => entry.ms)))}; ${ports.size} distinct ports`);

    // Overhead: the server's answer minus the raw Engine calls it makes for it.
    const [sample] = burst;
    const container = (await docker.listContainers({ all: true, filters: { label: [`hathora-processes.process-id=${sample?.processId}`] } }))[0];
    const rows: Array<[string, number[], number[]]> = [];
    const viaServer: number[] = [];
    const raw: number[] = [];
    for (let i = 0; i < REQUESTS; i++) {
      viaServer.push(await timed(() => hathora.processesV3.getProcess({ processId: sample?.processId ?? "" })));
      raw.push(await timed(async () => {
        await docker.listContainers({ all: true, filters: { label: [`hathora-processes.region=Seattle`, `${LABEL_APP}=${APP}`, `hathora-processes.process-id=${sample?.processId}`] } });
        await docker.getContainer(container?.Id ?? "").inspect();
      }));
    }
    rows.push(["GetProcess vs list(filter)+inspect", viaServer, raw]);
    const listServer: number[] = [];
    const listRaw: number[] = [];
    for (let i = 0; i < REQUESTS / 4; i++) {
      listServer.push(await timed(() => hathora.processesV3.getLatestProcesses()));
      listRaw.push(await timed(async () => {
        const all = await docker.listContainers({ all: true, filters: { label: [`hathora-processes.region=Seattle`, `${LABEL_APP}=${APP}`] } });
        await Promise.all(all.map((info) => docker.getContainer(info.Id).inspect()));
      }));
    }
    rows.push([`GetLatestProcesses (${SINGLE + BURST} processes) vs list+inspect each`, listServer, listRaw]);
    const createServer: number[] = [];
    const createRaw: number[] = [];
    for (let i = 0; i < SINGLE / 3; i++) {
      createServer.push(await timed(() => hathora.processesV3.createProcess({ region: "Seattle" })));
      createRaw.push(await timed(async () => {
        const raw = await docker.createContainer({ Image: TEST_IMAGE, Env: ["MODE=tcp", "PORT=7777"], Labels: { [LABEL_APP]: APP }, ExposedPorts: { "7777/tcp": {} }, HostConfig: { PortBindings: { "7777/tcp": [{ HostIp: "0.0.0.0", HostPort: "" }] } } });
        await raw.start();
        await raw.inspect();
      }));
    }
    rows.push(["CreateProcess vs create+start+inspect", createServer, createRaw]);
    console.log("\nper request: through the server | the raw Docker Engine calls it makes | the server's own share (p50)");
    for (const [what, server_, engine] of rows) {
      console.log(`  ${what}: ${figures(server_)} | ${figures(engine)} | ${ms(quantile(server_, 0.5) - quantile(engine, 0.5))}`);
    }
  } finally {
    await server.close();
    removeAll();
  }
}

main().catch((error: unknown) => {
  console.error(`bench:server: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
