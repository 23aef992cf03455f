// A process's life on real Docker: `running` only once the game binds (tcp and udp; never
// because Docker's proxy accepts a connection), stop -> stopping -> stopped, an exit on its own
// and a boot timeout -> failed with the reason, the environment of a Hathora process, metrics
// from Docker's stats; every answer validated against openapi.yaml.
import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHathoraClient, type HathoraClient, type ProcessV3 } from "../../src/index.js";
import { createProcessesServer, type ProcessesServer } from "../../src/server/index.js";
import { checkedFetch } from "../helpers/checked-fetch.js";
import { inspectProcess, removeContainers, testApps, testConfig, TOKEN, until } from "./harness.js";

const apps = testApps("life");
const checked = checkedFetch();
let server: ProcessesServer;
let hathora: HathoraClient;

beforeAll(async () => {
  server = await createProcessesServer(testConfig(apps, { bootTimeoutSeconds: 4 }), { log: () => {} });
  hathora = createHathoraClient({ token: TOKEN, appId: apps.tcp.id, baseUrl: server.url, fetch: checked.fetch, logLevel: "off" });
});
afterAll(async () => {
  await server?.close();
  removeContainers(apps.all);
});

const get = (appId: string, processId: string): Promise<ProcessV3> => hathora.processesV3.getProcess({ appId, processId });

describe("a process on Docker", () => {
  it("tcp: starting until the game listens (2 s in), then running on the published port, with Hathora's environment", async () => {
    const created = await hathora.processesV3.createProcess({ region: "Seattle" });
    expect(created).toMatchObject({ status: "starting", exposedPort: null, startedAt: null, region: "Seattle", appId: apps.tcp.id });
    const container = inspectProcess(created.processId);
    expect(container.Config.Env).toEqual(expect.arrayContaining([`HATHORA_PROCESS_ID=${created.processId}`, `HATHORA_APP_ID=${apps.tcp.id}`, "HATHORA_REGION=Seattle", `HATHORA_DEPLOYMENT_ID=${created.deploymentId}`, "MODE=tcp"]));
    // Docker's proxy already accepts on the published port; the process must still be starting.
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect((await get(apps.tcp.id, created.processId)).status).toBe("starting");
    const running = await until(() => get(apps.tcp.id, created.processId), (p) => p.status === "running", 30_000);
    expect(running.status).toBe("running");
    expect(Date.parse(running.startedAt ?? "") - Date.parse(running.createdAt)).toBeGreaterThanOrEqual(1_500);
    expect(running.exposedPort).toMatchObject({ host: "127.0.0.1", transportType: "tcp", name: "default" });
    const page = await fetch(`http://127.0.0.1:${running.exposedPort?.port}/`).then((response) => response.text());
    expect(page.trim()).toBe(`process ${created.processId}`);
  });

  it("udp: running once the game has bound its UDP port", async () => {
    const created = await hathora.processesV3.createProcess({ appId: apps.udp.id, region: "Seattle" });
    const running = await until(() => get(apps.udp.id, created.processId), (p) => p.status !== "starting", 30_000);
    expect(running.status).toBe("running");
    expect(running.exposedPort?.transportType).toBe("udp");
    expect(running.exposedPort?.port).toBeGreaterThan(0);
  });

  it("stop: stopping, then stopped after the game exits on SIGTERM, with its timestamps", async () => {
    const ready = await hathora.processesV3.createProcessAndWait({ appId: apps.fast.id, region: "Seattle", pollIntervalMs: 200, timeoutMs: 60_000 });
    await hathora.processesV3.stopProcess({ appId: apps.fast.id, processId: ready.processId });
    const stopping = await get(apps.fast.id, ready.processId);
    expect(["stopping", "stopped"]).toContain(stopping.status);
    expect(stopping.stoppingAt).not.toBeNull();
    const stopped = await until(() => get(apps.fast.id, ready.processId), (p) => p.status === "stopped", 30_000);
    expect(stopped).toMatchObject({ status: "stopped", summaryExitReason: "Stopped: exit code 0" });
    expect(Date.parse(stopped.terminatedAt ?? "")).toBeGreaterThanOrEqual(Date.parse(stopped.stoppingAt ?? ""));
    expect(stopped.exposedPort?.port).toBe(ready.exposedPort?.port);
    await hathora.processesV3.stopProcess({ appId: apps.fast.id, processId: ready.processId });
  });

  it("a game that ignores SIGTERM is killed after the grace period: stopped", async () => {
    const ready = await hathora.processesV3.createProcessAndWait({ appId: apps.stubborn.id, region: "Seattle", pollIntervalMs: 200, timeoutMs: 60_000 });
    await hathora.processesV3.stopProcess({ appId: apps.stubborn.id, processId: ready.processId });
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect((await get(apps.stubborn.id, ready.processId)).status).toBe("stopping");
    const stopped = await until(() => get(apps.stubborn.id, ready.processId), (p) => p.status === "stopped", 30_000);
    expect(stopped.summaryExitReason).toBe("Stopped: killed (SIGKILL) after the stop grace period");
  });

  it("an exit on its own is failed, with the exit code", async () => {
    const created = await hathora.processesV3.createProcess({ appId: apps.exit.id, region: "Seattle" });
    const failed = await until(() => get(apps.exit.id, created.processId), (p) => p.status === "failed", 30_000);
    expect(failed).toMatchObject({ status: "failed", summaryExitReason: "Exited on its own with exit code 3", startedAt: null });
    expect(failed.terminatedAt).not.toBeNull();
  });

  it("a game that never binds is killed at the boot timeout (4 s here, 100 s by default): failed", async () => {
    const created = await hathora.processesV3.createProcess({ appId: apps.never.id, region: "Seattle" });
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect((await get(apps.never.id, created.processId)).status).toBe("starting");
    const failed = await until(() => get(apps.never.id, created.processId), (p) => p.status === "failed", 30_000);
    expect(failed.summaryExitReason).toBe("Boot timeout: did not bind tcp port 7777 within 4 s");
    expect(Date.parse(failed.terminatedAt ?? "") - Date.parse(failed.createdAt)).toBeGreaterThanOrEqual(4_000);
  });

  it("metrics come from Docker's stats; gpu metrics are never made up", async () => {
    const ready = await hathora.processesV3.createProcessAndWait({ appId: apps.fast.id, region: "Seattle", pollIntervalMs: 200, timeoutMs: 60_000 });
    const port = ready.exposedPort?.port ?? 0;
    const socket = connect(port, "127.0.0.1");
    await new Promise((resolve) => socket.once("connect", resolve));
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    const query = { appId: apps.fast.id, processId: ready.processId, step: 1, start: Math.floor(Date.now() / 1000) - 30, end: Math.floor(Date.now() / 1000) + 1 };
    const first = await hathora.processesV3.getProcessMetrics(query);
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    const metrics = await hathora.processesV3.getProcessMetrics({ ...query, end: Math.floor(Date.now() / 1000) + 1 });
    socket.destroy();
    expect(first.memory?.length).toBeGreaterThan(0);
    expect(metrics.memory?.at(-1)?.value).toBeGreaterThan(0);
    expect(metrics.totalEgress?.length).toBeGreaterThan(0);
    expect(metrics.cpu?.length).toBeGreaterThan(0);
    expect(metrics.activeConnections?.at(-1)?.value).toBe(1);
    expect([metrics.gpuMemory, metrics.gpuUtilization]).toEqual([[], []]);
  });

  it("every answer above validated against openapi.yaml", () => {
    expect(checked.seen.length).toBeGreaterThan(20);
    expect(checked.problems).toEqual([]);
  });
});
