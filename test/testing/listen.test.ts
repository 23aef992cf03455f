// The same fake over real HTTP: our client over a socket, and Hathora's official generated SDK
// (Speakeasy, zod-validated responses) driving a whole lifecycle against `listen()`.
import { HathoraCloud } from "@hathora/cloud-sdk-typescript";
import { afterEach, describe, expect, it } from "vitest";
import { ConnectionError, createHathoraClient, NotFoundError } from "../../src/index.js";
import { createFakeHathora, type FakeServer } from "../../src/testing/index.js";

let server: FakeServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe("fake.listen", () => {
  it("serves our client over HTTP on 127.0.0.1, with real time: bootMs is wall milliseconds", async () => {
    const fake = createFakeHathora({ bootMs: 300 });
    server = await fake.listen({ port: 0 });
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const hathora = createHathoraClient({ token: fake.token, appId: fake.appId, baseUrl: server.url, logLevel: "off" });
    const wallStart = performance.now();
    const ready = await hathora.processesV3.createProcessAndWait({ region: "Tokyo", pollIntervalMs: 50 });
    expect(ready.status).toBe("running");
    expect(performance.now() - wallStart).toBeGreaterThanOrEqual(250);
    await hathora.processesV3.stopProcess({ processId: ready.processId });
    expect((await hathora.processesV2.getProcessInfo({ processId: ready.processId })).status).toBe("stopping");
    await expect(hathora.processesV3.getProcess({ processId: "gone" })).rejects.toBeInstanceOf(NotFoundError);
  });

  it("drops the connection for a network failure; a lost create is not retried but did happen", async () => {
    const fake = createFakeHathora();
    server = await fake.listen();
    const hathora = createHathoraClient({ token: fake.token, appId: fake.appId, baseUrl: server.url, logLevel: "off" });
    fake.failNext("CreateProcess", { network: "lost-response" });
    await expect(hathora.processesV3.createProcess({ region: "Tokyo" })).rejects.toBeInstanceOf(ConnectionError);
    expect(fake.calls).toHaveLength(1);
    expect(fake.processes()).toHaveLength(1);
  });

  it("serves Hathora's official generated SDK a whole lifecycle, v3 and v2, which its zod schemas accept", async () => {
    const fake = createFakeHathora({ bootMs: 200, stopMs: 1_500, appId: "app-af469a92-5b45-4565-b3c4-b79878de67d2" });
    server = await fake.listen();
    const sdk = new HathoraCloud({ hathoraDevToken: fake.token, appId: fake.appId, serverURL: server.url, retryConfig: { strategy: "none" } });
    const created = await sdk.processesV3.createProcess("Frankfurt");
    expect(created.status).toBe("starting");
    expect(created.createdAt).toBeInstanceOf(Date);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const running = await sdk.processesV3.getProcess(created.processId);
    expect(running.status).toBe("running");
    expect(running.exposedPort?.port).toBeTypeOf("number");
    expect((await sdk.processesV3.getLatestProcesses(undefined, ["running"], ["Frankfurt"])).map((p) => p.processId)).toEqual([created.processId]);
    expect((await sdk.processesV3.getProcessesCountExperimental()).count).toBe(1);
    const metrics = await sdk.processesV3.getProcessMetrics({ processId: created.processId, metrics: ["cpu", "memory"], step: 60 });
    expect(Object.keys(metrics).sort()).toEqual(["cpu", "memory"]);
    await sdk.processesV3.stopProcess(created.processId);
    const v2 = await sdk.processesV2.getProcessInfoV2Deprecated(created.processId);
    expect([v2.status, typeof v2.deploymentId]).toEqual(["stopping", "number"]);
    await new Promise((resolve) => setTimeout(resolve, 1_700));
    expect((await sdk.processesV3.getProcess(created.processId)).status).toBe("stopped");
    const missing = await sdk.processesV3.getProcess("no-such-process").catch((e: unknown) => e);
    expect((missing as { statusCode?: number }).statusCode).toBe(404);
    expect(fake.calls.map((call) => `${call.operationId} ${call.status}`)).toEqual([
      "CreateProcess 201",
      "GetProcess 200",
      "GetLatestProcesses 200",
      "GetProcessesCountExperimental 200",
      "GetProcessMetrics 200",
      "StopProcess 204",
      "GetProcessInfoV2Deprecated 200",
      "GetProcess 200",
      "GetProcess 404",
    ]);
  });
});
