// A process's life in the fake, seen through the real client: v2 and v3 over one state, the
// timings on the fake's clock, the filters of the lists and the errors Hathora answers with.
import { describe, expect, it } from "vitest";
import { createHathoraClient, createRawClient, NotFoundError, UnauthorizedError, UnprocessableEntityError } from "../../src/index.js";
import { createFakeHathora } from "../../src/testing/index.js";

const START = Date.UTC(2026, 0, 1);

function setup(options: Parameters<typeof createFakeHathora>[0] = {}) {
  const fake = createFakeHathora({ autoAdvance: false, ...options });
  const hathora = createHathoraClient({ ...fake.clientOptions, logLevel: "off" });
  return { fake, hathora };
}

describe("a process's life", () => {
  it("create gives starting with createdAt and scheduledAt, running after bootMs with an exposed port", async () => {
    const { fake, hathora } = setup({ bootMs: 30_000 });
    const created = await hathora.processesV3.createProcess({ region: "Frankfurt" });
    expect(created).toMatchObject({ status: "starting", region: "Frankfurt", appId: fake.appId, createdAt: new Date(START).toISOString(), scheduledAt: new Date(START).toISOString(), startedAt: null, exposedPort: null, terminatedAt: null });
    fake.clock.advance(29_999);
    expect((await hathora.processesV3.getProcess({ processId: created.processId })).status).toBe("starting");
    fake.clock.advance(1);
    const running = await hathora.processesV3.getProcess({ processId: created.processId });
    expect(running).toMatchObject({ status: "running", startedAt: new Date(START + 30_000).toISOString(), bootedAt: new Date(START + 15_000).toISOString() });
    expect(running.exposedPort?.port).toBeTypeOf("number");
  });

  it("stop gives stopping with stoppingAt, then stopped with terminatedAt after stopMs", async () => {
    const { fake, hathora } = setup({ bootMs: 0, stopMs: 2_000 });
    const { processId } = await hathora.processesV3.createProcess({ region: "Tokyo" });
    fake.clock.advance(1_000);
    await hathora.processesV3.stopProcess({ processId });
    expect(await hathora.processesV3.getProcess({ processId })).toMatchObject({ status: "stopping", stoppingAt: new Date(START + 1_000).toISOString(), terminatedAt: null });
    fake.clock.advance(2_000);
    expect(await hathora.processesV3.getProcess({ processId })).toMatchObject({ status: "stopped", terminatedAt: new Date(START + 3_000).toISOString() });
    // Stopping a process that already ended is accepted and changes nothing (the fake's choice).
    await expect(hathora.processesV3.stopProcess({ processId })).resolves.toBeUndefined();
    expect(fake.processes()[0]?.terminatedAt).toBe(new Date(START + 3_000).toISOString());
  });

  it("setStatus puts any status, with fields, and the client passes an unknown one through", async () => {
    const { fake, hathora } = setup();
    const { processId } = fake.addProcess({ region: "Tokyo" });
    fake.setStatus(processId, "failed", { summaryExitReason: "OOMKilled" });
    expect(await hathora.processesV3.getProcess({ processId })).toMatchObject({ status: "failed", summaryExitReason: "OOMKilled", terminatedAt: new Date(START).toISOString() });
    fake.setStatus(processId, "hibernating");
    expect((await hathora.processesV3.getProcess({ processId })).status).toBe("hibernating");
    expect((await hathora.processesV2.getProcessInfo({ processId })).status).toBe("hibernating");
  });

  it("a process seeded as starting or stopping moves on after bootMs or stopMs", async () => {
    const { fake, hathora } = setup({ bootMs: 4_000, stopMs: 1_000 });
    const starting = fake.addProcess({ region: "Tokyo", status: "starting" });
    const stopping = fake.addProcess({ region: "Tokyo", status: "stopping" });
    expect([starting.exposedPort, stopping.stoppingAt]).toEqual([null, new Date(START).toISOString()]);
    fake.clock.advance(4_000);
    expect((await hathora.processesV3.getProcess({ processId: starting.processId })).status).toBe("running");
    expect(await hathora.processesV3.getProcess({ processId: stopping.processId })).toMatchObject({ status: "stopped", terminatedAt: new Date(START + 1_000).toISOString() });
  });

  it("v2 and v3 see the same processes: v2 with an integer deploymentId and no v3-only fields", async () => {
    const { hathora } = setup();
    const created = await hathora.processesV2.createProcess({ region: "Chicago" });
    expect(created.deploymentId).toBeTypeOf("number");
    expect(created).not.toHaveProperty("bootedAt");
    const v3 = await hathora.processesV3.getProcess({ processId: created.processId });
    expect(v3.deploymentId).toMatch(/^dep-/);
    expect(v3.region).toBe("Chicago");
    await hathora.processesV3.stopProcess({ processId: created.processId });
    expect((await hathora.processesV2.getProcessInfo({ processId: created.processId })).status).toBe("stopping");
  });

  it("the same seed gives the same ids, another seed other ids", async () => {
    const ids = async (seed: number) => {
      const { hathora } = setup({ seed });
      return [(await hathora.processesV3.createProcess({ region: "Tokyo" })).processId, (await hathora.processesV3.createProcess({ region: "Tokyo" })).processId];
    };
    expect(await ids(7)).toEqual(await ids(7));
    expect(await ids(7)).not.toEqual(await ids(8));
  });
});

describe("lists and counts", () => {
  it("latest honours status and region, newest first, at most 10; the count is not capped", async () => {
    const { fake, hathora } = setup();
    for (let i = 0; i < 12; i++) {
      fake.addProcess({ region: i % 2 === 0 ? "Tokyo" : "London", status: i < 3 ? "stopped" : "running" });
      fake.clock.advance(1_000);
    }
    const all = await hathora.processesV3.getLatestProcesses();
    expect(all).toHaveLength(10);
    expect(all.map((p) => p.createdAt)).toEqual([...all.map((p) => p.createdAt)].sort().reverse());
    const tokyoRunning = await hathora.processesV3.getLatestProcesses({ region: ["Tokyo"], status: ["running"] });
    expect(tokyoRunning.every((p) => p.region === "Tokyo" && p.status === "running")).toBe(true);
    expect(tokyoRunning).toHaveLength(4);
    expect(await hathora.processesV3.getProcessesCountExperimental()).toEqual({ count: 12 });
    expect(await hathora.processesV2.getProcessesCountExperimental({ status: ["stopped"] })).toEqual({ count: 3 });
    // before: processes created before that Unix second.
    expect(await hathora.processesV3.getProcessesCountExperimental({ before: (START + 2_000) / 1000 })).toEqual({ count: 2 });
    expect(await hathora.processesV3.getLatestProcesses({ region: ["Dubai"] })).toEqual([]);
  });
});

describe("errors, as Hathora answers them", () => {
  it("404 with a message for an unknown process, on every process operation", async () => {
    const { hathora } = setup();
    for (const call of [
      () => hathora.processesV3.getProcess({ processId: "nope" }),
      () => hathora.processesV3.stopProcess({ processId: "nope" }),
      () => hathora.processesV3.getProcessMetrics({ processId: "nope" }),
      () => hathora.processesV2.getProcessInfo({ processId: "nope" }),
    ]) {
      const error = await call().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(NotFoundError);
      expect((error as NotFoundError).message).toContain("Process not found: nope");
    }
  });

  it("401 for a wrong token and for none", async () => {
    const fake = createFakeHathora();
    const wrong = createHathoraClient({ ...fake.clientOptions, token: "someone-else", logLevel: "off" });
    await expect(wrong.processesV3.getLatestProcesses()).rejects.toBeInstanceOf(UnauthorizedError);
    const response = await fake.fetch(`${fake.clientOptions.baseUrl}/processes/v3/apps/${fake.appId}/processes/latest`);
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ message: expect.any(String) });
    expect(fake.calls.map((call) => call.status)).toEqual([401, 401]);
  });

  it("422 for parameters the spec does not allow, 404 for another app", async () => {
    const { fake } = setup();
    const raw = createRawClient(fake.clientOptions);
    const { processId } = fake.addProcess({ region: "Tokyo" });
    const bad = await raw.GET("/processes/v3/apps/{appId}/processes/process/{processId}/metrics", { params: { path: { appId: fake.appId, processId }, query: { step: 0 } } });
    expect(bad.response.status).toBe(422);
    expect(bad.error).toEqual({ message: 'query parameter step must be >= 1, got "0"' });
    const hathora = createHathoraClient({ ...fake.clientOptions, logLevel: "off" });
    // The client refuses a bad `before` itself; a client that sends one gets Prism's answer, 422.
    const sent = await fake.fetch(`${fake.clientOptions.baseUrl}/processes/v3/apps/${fake.appId}/processes/latest?before=soon`, { headers: { authorization: `Bearer ${fake.token}` } });
    expect(sent.status).toBe(422);
    expect(await sent.json()).toEqual({ message: 'query parameter before must be a number, got "soon"' });
    await expect(hathora.processesV3.getProcessMetrics({ processId, start: 2_000_000_000, end: 1_000_000_000 })).rejects.toBeInstanceOf(UnprocessableEntityError);
    await expect(hathora.processesV3.getProcess({ processId, appId: "app-other" })).rejects.toThrow(/App not found: app-other/);
  });
});

describe("metrics", () => {
  it("one point per step while the process lived, for the metrics asked, the same for the same seed", async () => {
    const { fake, hathora } = setup({ bootMs: 0 });
    const { processId } = await hathora.processesV3.createProcess({ region: "Tokyo" });
    fake.clock.advance(3_600_000);
    const start = START / 1000;
    const data = await hathora.processesV3.getProcessMetrics({ processId, metrics: ["cpu", "totalEgress"], start: start - 600, end: start + 3_600, step: 600 });
    expect(Object.keys(data).sort()).toEqual(["cpu", "totalEgress"]);
    expect(data.cpu?.map((point) => point.timestamp)).toEqual([0, 600, 1200, 1800, 2400, 3000, 3600].map((offset) => start + offset));
    expect(data.cpu?.every((point) => point.value >= 0 && point.value <= 100)).toBe(true);
    const egress = data.totalEgress?.map((point) => point.value) ?? [];
    expect(egress).toEqual([...egress].sort((a, b) => a - b));
    expect(await hathora.processesV3.getProcessMetrics({ processId, metrics: ["cpu", "totalEgress"], start: start - 600, end: start + 3_600, step: 600 })).toEqual(data);
  });
});

describe("failNextBoot", () => {
  it("the next create fails at the end of its boot with the exit reason, the one after runs", async () => {
    const { fake, hathora } = setup({ bootMs: 1_000 });
    fake.failNextBoot("OOMKilled");
    const crashing = await hathora.processesV3.createProcess({ region: "Tokyo" });
    const healthy = await hathora.processesV3.createProcess({ region: "Tokyo" });
    fake.clock.advance(1_000);
    expect(await hathora.processesV3.getProcess({ processId: crashing.processId })).toMatchObject({ status: "failed", summaryExitReason: "OOMKilled", exposedPort: null, terminatedAt: new Date(START + 1_000).toISOString() });
    expect((await hathora.processesV3.getProcess({ processId: healthy.processId })).status).toBe("running");
  });
});
