// The self-hosted server with the fake engine (no Docker): every operation, v2 and v3, through
// this client over HTTP, each answer validated against openapi.yaml; and the errors a user's
// mistake gets: 401, 404, 422 (a parameter, a region the server does not run), never a 500.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHathoraClient, NotFoundError, UnauthorizedError, UnprocessableEntityError, type HathoraClient } from "../../src/index.js";
import { createProcessesServer, type ProcessesServer } from "../../src/server/index.js";
import { operationSpecs } from "../../src/generated/operations.js";
import { matchRoute } from "../../src/service/routes.js";
import { checkedFetch } from "../helpers/checked-fetch.js";

const APP = "app-af469a92-5b45-4565-b3c4-b79878de67d2";
const TOKEN = "server-test-token-0123456789";
const checked = checkedFetch();
let server: ProcessesServer;
let hathora: HathoraClient;
const logs: string[] = [];

beforeAll(async () => {
  server = await createProcessesServer(
    { listen: { port: 0 }, engine: "fake", tokens: [{ env: "TEST_TOKEN" }], regions: { Seattle: {}, Frankfurt: {} }, apps: { [APP]: { containerPort: 7777, transportType: "udp" } } },
    { env: { TEST_TOKEN: TOKEN }, log: (line) => logs.push(line) },
  );
  hathora = createHathoraClient({ token: TOKEN, appId: APP, baseUrl: server.url, fetch: checked.fetch, logLevel: "off" });
});
afterAll(() => server.close());

describe("the server, fake engine, with this client", () => {
  it("serves every operation, v3 and v2, each answer valid against openapi.yaml", async () => {
    const created = await hathora.processesV3.createProcess({ region: "Seattle" });
    expect(created).toMatchObject({ status: "starting", region: "Seattle", appId: APP, exposedPort: null });
    const running = await hathora.processesV3.waitForProcess({ processId: created.processId, pollIntervalMs: 200, timeoutMs: 30_000 });
    expect(running.exposedPort).toMatchObject({ host: "127.0.0.1", transportType: "udp", name: "default" });
    const v2 = await hathora.processesV2.createProcess({ region: "Frankfurt" });
    expect(typeof v2.deploymentId).toBe("number");
    expect((await hathora.processesV3.getLatestProcesses({ region: ["Seattle"] })).map((p) => p.processId)).toEqual([created.processId]);
    expect((await hathora.processesV2.getLatestProcesses({ status: ["starting"] })).map((p) => p.processId)).toEqual([v2.processId]);
    expect(await hathora.processesV3.getProcessesCountExperimental()).toEqual({ count: 2 });
    expect(await hathora.processesV2.getProcessesCountExperimental({ region: ["Frankfurt"] })).toEqual({ count: 1 });
    const older = await hathora.processesV3.getLatestProcesses({ before: Date.parse(v2.createdAt) / 1000 });
    expect(older.map((p) => p.processId)).toEqual([created.processId]);
    const metrics = await hathora.processesV3.getProcessMetrics({ processId: created.processId, metrics: ["cpu", "memory"] });
    expect(Object.keys(metrics).sort()).toEqual(["cpu", "memory"]);
    expect((await hathora.processesV2.getProcessInfo({ processId: created.processId })).status).toBe("running");
    await hathora.processesV3.stopProcess({ processId: created.processId });
    await hathora.processesV2.stopProcess({ processId: v2.processId });
    expect((await hathora.processesV3.getProcess({ processId: created.processId })).status).toBe("stopping");
    expect(checked.problems).toEqual([]);
    const operations = new Set(checked.seen.map((line) => matchRoute(line.split(" ")[0] ?? "", line.split(" ")[1] ?? "")?.operationId));
    expect([...operations].sort()).toEqual(Object.keys(operationSpecs).sort());
  });

  it("answers a user's mistakes with the spec's 401, 404 and 422, each an ApiError with an x-request-id", async () => {
    const wrong = createHathoraClient({ token: "not-the-token", appId: APP, baseUrl: server.url, fetch: checked.fetch, logLevel: "off" });
    await expect(wrong.processesV3.getLatestProcesses()).rejects.toBeInstanceOf(UnauthorizedError);
    const bare = await fetch(`${server.url}/processes/v3/apps/${APP}/processes/count`);
    expect([bare.status, ((await bare.json()) as { message: string }).message]).toEqual([401, "Missing Authorization header: Bearer <token>"]);
    await expect(hathora.processesV3.getProcess({ processId: "no-such-process" })).rejects.toBeInstanceOf(NotFoundError);
    await expect(hathora.processesV3.getLatestProcesses({ appId: "app-not-served" })).rejects.toBeInstanceOf(NotFoundError);
    const region = await hathora.processesV3.createProcess({ region: "Tokyo" }).catch((error: unknown) => error);
    expect(region).toBeInstanceOf(UnprocessableEntityError);
    expect((region as Error).message).toContain('Unknown region "Tokyo": this server runs processes in Seattle, Frankfurt');
    const step = await fetch(`${server.url}/processes/v3/apps/${APP}/processes/process/x/metrics?step=0`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(step.status).toBe(422);
    const before = await fetch(`${server.url}/processes/v3/apps/${APP}/processes/latest?before=soon`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect([before.status, before.headers.get("x-request-id")]).toEqual([422, expect.stringMatching(/^[0-9a-f-]{36}$/)]);
    expect(checked.problems).toEqual([]);
  });

  it("never logs the token", () => {
    expect(logs.length).toBeGreaterThan(0);
    expect(logs.join("\n")).not.toContain(TOKEN);
  });
});
