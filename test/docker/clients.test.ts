// Every client works against the server on Docker, unchanged but for its base URL: Hathora's
// official SDK 2.25.6 (its zod schemas check every answer) and this client.
import { HathoraCloud } from "@hathora/cloud-sdk-typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHathoraClient } from "../../src/index.js";
import { createProcessesServer, type ProcessesServer } from "../../src/server/index.js";
import { removeContainers, testApps, testConfig, TOKEN, until } from "./harness.js";

const apps = testApps("clients");
let server: ProcessesServer;
beforeAll(async () => {
  server = await createProcessesServer(testConfig(apps, { regions: { Seattle: { docker: "unix:///var/run/docker.sock" }, Frankfurt: { docker: "unix:///var/run/docker.sock" } } }), { log: () => {} });
});
afterAll(async () => {
  await server?.close();
  removeContainers(apps.all);
});

describe("clients against the server on Docker", () => {
  it("Hathora's official SDK 2.25.6: a whole lifecycle, v3 and v2", async () => {
    const sdk = new HathoraCloud({ hathoraDevToken: TOKEN, appId: apps.fast.id, serverURL: server.url, retryConfig: { strategy: "none" } });
    const created = await sdk.processesV3.createProcess("Frankfurt");
    expect(created.status).toBe("starting");
    expect(created.createdAt).toBeInstanceOf(Date);
    const running = await until(() => sdk.processesV3.getProcess(created.processId), (p) => p.status === "running", 60_000, 200);
    expect(running.exposedPort?.port).toBeTypeOf("number");
    expect((await sdk.processesV3.getLatestProcesses(undefined, ["running"], ["Frankfurt"])).map((p) => p.processId)).toEqual([created.processId]);
    expect((await sdk.processesV3.getProcessesCountExperimental(undefined, ["running"])).count).toBe(1);
    const metrics = await sdk.processesV3.getProcessMetrics({ processId: created.processId, metrics: ["memory", "gpuMemory"], step: 1, start: Math.floor(Date.now() / 1000) - 10 });
    expect(metrics.memory?.length).toBeGreaterThan(0);
    expect(metrics.gpuMemory).toEqual([]);
    const v2 = await sdk.processesV2.getProcessInfoV2Deprecated(created.processId);
    expect([v2.status, typeof v2.deploymentId]).toEqual(["running", "number"]);
    expect((await sdk.processesV2.getLatestProcessesV2Deprecated()).length).toBe(1);
    await sdk.processesV3.stopProcess(created.processId);
    const stopped = await until(() => sdk.processesV3.getProcess(created.processId), (p) => p.status === "stopped", 60_000, 200);
    expect(stopped.terminatedAt).toBeInstanceOf(Date);
    const created2 = await sdk.processesV2.createProcessV2Deprecated("Seattle");
    expect(created2.region).toBe("Seattle");
    const missing = await sdk.processesV3.getProcess("no-such-process").catch((error: unknown) => error);
    expect((missing as { statusCode?: number }).statusCode).toBe(404);
  });

  it("this client: createProcessAndWait, list, count, stop, v2, unchanged but for baseUrl", async () => {
    const hathora = createHathoraClient({ token: TOKEN, appId: apps.tcp.id, baseUrl: server.url, logLevel: "off" });
    const ready = await hathora.processesV3.createProcessAndWait({ region: "Seattle", pollIntervalMs: 200, timeoutMs: 60_000 });
    expect(ready.status).toBe("running");
    expect((await hathora.processesV2.getProcessInfo({ processId: ready.processId })).exposedPort?.port).toBe(ready.exposedPort?.port);
    expect(await hathora.processesV3.getProcessesCountExperimental({ region: ["Seattle"] })).toEqual({ count: 1 });
    await hathora.processesV3.stopProcess({ processId: ready.processId });
    const ended = await hathora.processesV3.waitForProcess({ processId: ready.processId, until: "stopped", pollIntervalMs: 200, timeoutMs: 60_000 });
    expect(ended.status).toBe("stopped");
  });
});
