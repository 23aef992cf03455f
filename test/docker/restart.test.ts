// Docker is the record: a server killed with SIGKILL and started again answers every process as
// before (same ids, ports, timestamps) without touching a running game; a stop asked just before
// the kill is still carried out; two servers on the same host agree; ended processes stay listed
// for the retention period, then their containers are removed.
import { afterAll, describe, expect, it } from "vitest";
import { createHathoraClient, type ProcessV3 } from "../../src/index.js";
import { createProcessesServer } from "../../src/server/index.js";
import { inspectProcess, removeContainers, spawnServer, testApps, testConfig, TOKEN, until } from "./harness.js";

const apps = testApps("restart");
afterAll(() => removeContainers(apps.all));
const client = (url: string, appId = apps.fast.id) => createHathoraClient({ token: TOKEN, appId, baseUrl: url, logLevel: "off" });
const sorted = (list: ProcessV3[]) => [...list].sort((a, b) => a.processId.localeCompare(b.processId));

describe("restart and agreement", () => {
  it("SIGKILL and restart: the same processes, ids, ports and timestamps; the games kept running; a pending stop completes", async () => {
    const first = await spawnServer(testConfig(apps, { stopGraceSeconds: 3 }));
    const before = client(first.url);
    const a = await before.processesV3.createProcessAndWait({ region: "Seattle", pollIntervalMs: 200, timeoutMs: 60_000 });
    const b = await before.processesV3.createProcessAndWait({ region: "Seattle", pollIntervalMs: 200, timeoutMs: 60_000 });
    const stubborn = await before.processesV3.createProcessAndWait({ appId: apps.stubborn.id, region: "Seattle", pollIntervalMs: 200, timeoutMs: 60_000 });
    await before.processesV3.stopProcess({ appId: apps.stubborn.id, processId: stubborn.processId });
    const listed = await before.processesV3.getLatestProcesses();
    first.child.kill("SIGKILL");
    await new Promise((resolve) => first.child.once("exit", resolve));
    expect(inspectProcess(a.processId).State.Status).toBe("running");

    const second = await spawnServer(testConfig(apps, { stopGraceSeconds: 3 }));
    try {
      const after = client(second.url);
      expect(sorted(await after.processesV3.getLatestProcesses())).toEqual(sorted(listed));
      expect(await after.processesV3.getProcess({ processId: b.processId })).toEqual(b);
      // The stop asked before the kill (SIGTERM ignored by this game) ends with SIGKILL from the new server.
      const stopped = await until(() => after.processesV3.getProcess({ appId: apps.stubborn.id, processId: stubborn.processId }), (p) => p.status === "stopped", 30_000);
      expect(stopped.summaryExitReason).toBe("Stopped: killed (SIGKILL) after the stop grace period");
    } finally {
      second.child.kill("SIGTERM");
    }
  });

  it("two servers on the same Docker host agree on every process, whichever created it", async () => {
    const one = await createProcessesServer(testConfig(apps), { log: () => {} });
    const two = await createProcessesServer(testConfig(apps), { log: () => {} });
    try {
      const [x, y] = [client(one.url), client(two.url)];
      const made = await Promise.all([x.processesV3.createProcess({ region: "Seattle" }), y.processesV3.createProcess({ region: "Seattle" })]);
      for (const process of made) await until(() => x.processesV3.getProcess({ processId: process.processId }), (p) => p.status === "running", 30_000);
      await y.processesV3.stopProcess({ processId: made[0].processId });
      expect((await x.processesV3.getProcess({ processId: made[0].processId })).stoppingAt).not.toBeNull();
      // Compared once nothing is moving (a game exits on SIGTERM within moments: stopping, then stopped).
      await until(() => x.processesV3.getProcess({ processId: made[0].processId }), (p) => p.status === "stopped", 30_000);
      const [seenByX, seenByY] = await Promise.all([x.processesV3.getLatestProcesses(), y.processesV3.getLatestProcesses()]);
      expect(seenByX).toEqual(seenByY);
      const ours = new Set(made.map((p) => p.processId));
      expect(seenByX.filter((p) => ours.has(p.processId)).map((p) => p.status).sort()).toEqual(["running", "stopped"]);
      expect(await x.processesV3.getProcessesCountExperimental()).toEqual(await y.processesV3.getProcessesCountExperimental());
    } finally {
      await Promise.all([one.close(), two.close()]);
    }
  });

  it("an ended process stays listed for retentionSeconds, then its container is removed", async () => {
    const server = await createProcessesServer(testConfig(apps, { retentionSeconds: 3 }), { log: () => {} });
    try {
      const hathora = client(server.url, apps.exit.id);
      const created = await hathora.processesV3.createProcess({ region: "Seattle" });
      const failed = await until(() => hathora.processesV3.getProcess({ processId: created.processId }), (p) => p.status === "failed", 30_000);
      expect((await hathora.processesV3.getLatestProcesses()).map((p) => p.processId)).toContain(created.processId);
      const left = await until(() => hathora.processesV3.getLatestProcesses(), (list) => list.length === 0, 30_000);
      expect(left).toEqual([]);
      expect(Date.now() - Date.parse(failed.terminatedAt ?? "")).toBeGreaterThanOrEqual(3_000);
      await expect(hathora.processesV3.getProcess({ processId: created.processId })).rejects.toMatchObject({ status: 404 });
    } finally {
      await server.close();
    }
  });
});
