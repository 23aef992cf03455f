// 50 creates at once on one host: all answered 201, all start, distinct ports, none lost. A
// region whose Docker Engine is down answers a clear 503 (an ApiError naming the region) while
// the other region keeps working; a list that would need the down host is a 503, never a
// silently partial answer.
import { afterAll, describe, expect, it } from "vitest";
import { createHathoraClient, ServerError } from "../../src/index.js";
import { createProcessesServer } from "../../src/server/index.js";
import { checkedFetch } from "../helpers/checked-fetch.js";
import { removeContainers, testApps, testConfig, TOKEN, until } from "./harness.js";

const apps = testApps("load");
afterAll(() => removeContainers(apps.all));

describe("load and faults", () => {
  it("50 creates at once: all start, on 50 distinct ports, none lost", async () => {
    const lines: string[] = [];
    const server = await createProcessesServer(testConfig(apps, { bootTimeoutSeconds: 100 }), { log: (line) => lines.push(line) });
    const checked = checkedFetch();
    try {
      // The client's defaults: a GET is retried after a reset, a create never is (it may have arrived).
      const hathora = createHathoraClient({ token: TOKEN, appId: apps.fast.id, baseUrl: server.url, fetch: checked.fetch, logLevel: "off" });
      const created = await Promise.all(Array.from({ length: 50 }, () => hathora.processesV3.createProcess({ region: "Seattle" })));
      expect(new Set(created.map((p) => p.processId)).size).toBe(50);
      const all = await until(
        () => Promise.all(created.map((p) => hathora.processesV3.getProcess({ processId: p.processId }))),
        (list) => list.every((p) => p.status === "running"),
        180_000,
        500,
      );
      expect(all.map((p) => p.status)).toEqual(Array(50).fill("running"));
      expect(new Set(all.map((p) => p.exposedPort?.port)).size).toBe(50);
      expect(await hathora.processesV3.getProcessesCountExperimental({ status: ["running"] })).toEqual({ count: 50 });
      expect(checked.problems).toEqual([]);
      expect(lines.filter((line) => !line.startsWith("warning: config tokens"))).toEqual([]);
    } finally {
      await server.close();
      removeContainers([apps.fast.id]);
    }
  });

  it("a region whose Docker Engine is down: 503 naming it, while the other region works", async () => {
    const lines: string[] = [];
    const regions = { Seattle: { docker: "unix:///var/run/docker.sock" }, Frankfurt: { docker: "unix:///tmp/hathora-no-such-docker.sock" } };
    const server = await createProcessesServer(testConfig(apps, { regions }), { log: (line) => lines.push(line) });
    const checked = checkedFetch();
    try {
      const hathora = createHathoraClient({ token: TOKEN, appId: apps.fast.id, baseUrl: server.url, fetch: checked.fetch, logLevel: "off", maxRetries: 0 });
      const down = await hathora.processesV3.createProcess({ region: "Frankfurt" }).catch((error: unknown) => error);
      expect(down).toBeInstanceOf(ServerError);
      expect((down as ServerError).status).toBe(503);
      expect((down as ServerError).message).toContain("Region Frankfurt is unavailable: its Docker Engine (unix:///tmp/hathora-no-such-docker.sock) did not answer");
      const up = await hathora.processesV3.createProcess({ region: "Seattle" });
      expect(up.status).toBe("starting");
      expect((await hathora.processesV3.getLatestProcesses({ region: ["Seattle"] })).map((p) => p.processId)).toContain(up.processId);
      expect((await hathora.processesV3.getProcess({ processId: up.processId })).region).toBe("Seattle");
      const whole = await hathora.processesV3.getLatestProcesses().catch((error: unknown) => error);
      expect((whole as ServerError).status).toBe(503);
      expect(checked.problems).toEqual([]);
      expect(lines.join("\n")).not.toContain(TOKEN);
    } finally {
      await server.close();
    }
  });
});
