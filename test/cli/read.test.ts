// ps, get, count and --help of the packed bin, in text and --json, against the fake over HTTP,
// and the one-line failures (exit 1) when the API says no or cannot be reached.
import { createServer } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFakeHathora, type FakeServer } from "../../src/testing/index.js";
import type { ProcessV2, ProcessV3 } from "../../src/index.js";
import { fakeEnv, hasEscapes, runBin } from "./run-bin.js";

const fake = createFakeHathora({ startTime: Date.now() });
let server: FakeServer;
let seattle: ProcessV3;
let tokyo: ProcessV3;
let london: ProcessV3;
const bin = (...args: string[]) => runBin(args, fakeEnv(server.url));

beforeAll(async () => {
  seattle = fake.addProcess({ region: "Seattle", createdAt: new Date(Date.now() - 3 * 60_000).toISOString(), roomsAllocated: 2, roomsPerProcess: 4 });
  tokyo = fake.addProcess({ region: "Tokyo", status: "stopped" });
  london = fake.addProcess({ region: "London" });
  server = await fake.listen();
});
afterAll(() => server.close());

describe.concurrent("hathora-processes ps", () => {
  it("prints the latest processes as a table: id, status, region, host:port, age, rooms", async () => {
    const { code, stdout, stderr } = await bin("ps");
    expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
    const [header, ...rows] = stdout.trimEnd().split("\n");
    expect(header?.split(/\s{2,}/)).toEqual(["ID", "STATUS", "REGION", "ADDRESS", "AGE", "ROOMS"]);
    expect(rows.map((row) => row.split(/\s{2,}/)[0])).toEqual([london.processId, tokyo.processId, seattle.processId]);
    const seattleRow = rows[2]?.split(/\s{2,}/);
    expect(seattleRow).toEqual([seattle.processId, "running", "Seattle", `1.proxy.hathora.dev:${seattle.exposedPort?.port}`, "3 min", "2/4"]);
    expect(rows[1]?.split(/\s{2,}/).slice(1, 4)).toEqual(["stopped", "Tokyo", "-"]);
    expect(hasEscapes(stdout)).toBe(false);
  });

  it("--json prints what getLatestProcesses returns, filters sent as repeated query keys", async () => {
    const { code, stdout } = await bin("ps", "--json", "--status", "running", "--region", "Seattle,London");
    expect(code).toBe(0);
    const processes = JSON.parse(stdout) as ProcessV3[];
    expect(processes).toEqual(fake.processes().filter((process) => process.status === "running"));
    const call = fake.calls.find((entry) => entry.operationId === "GetLatestProcesses" && entry.query.status !== undefined);
    expect(call?.query).toEqual({ status: ["running"], region: ["Seattle", "London"] });
  });

  it("--v2 lists through the v2 endpoint, with v2's fields", async () => {
    const { code, stdout } = await bin("ps", "--v2", "--json");
    expect(code).toBe(0);
    const processes = JSON.parse(stdout) as ProcessV2[];
    expect(processes.map((process) => process.deploymentId)).toEqual([1, 1, 1]);
    expect(fake.calls.some((call) => call.operationId === "GetLatestProcessesV2Deprecated")).toBe(true);
  });
});

describe.concurrent("hathora-processes get and count", () => {
  it("get prints every field, times in local time with how long ago", async () => {
    const { code, stdout } = await runBin(["get", seattle.processId], fakeEnv(server.url, { TZ: "Asia/Tokyo" }));
    expect(code).toBe(0);
    const fields = Object.fromEntries(stdout.trimEnd().split("\n").map((line) => [line.split(/\s+/)[0], line.replace(/^\S+\s+/, "")]));
    expect(Object.keys(fields).sort()).toEqual(Object.keys(seattle).sort());
    expect(fields.status).toBe("running");
    expect(fields.exposedPort).toBe(`1.proxy.hathora.dev:${seattle.exposedPort?.port} (tcp, default)`);
    expect(fields.terminatedAt).toBe("-");
    // Asia/Tokyo is UTC+9 all year: the local time is the UTC time plus nine hours.
    const created = new Date(Date.parse(seattle.createdAt) + 9 * 3_600_000).toISOString().replace("T", " ").slice(0, 19);
    expect(fields.createdAt).toBe(`${created} (3 min ago)`);
  });

  it("get --json prints the process as getProcess returns it; --v2 as getProcessInfo does", async () => {
    const [v3, v2] = await Promise.all([bin("get", tokyo.processId, "--json"), bin("get", tokyo.processId, "--json", "--v2")]);
    expect(JSON.parse(v3.stdout)).toEqual(fake.processes().find((process) => process.processId === tokyo.processId));
    expect(JSON.parse(v2.stdout)).toMatchObject({ processId: tokyo.processId, status: "stopped", deploymentId: 1 });
    expect(JSON.parse(v2.stdout)).not.toHaveProperty("bootedAt");
  });

  it("count prints the number; --json the { count } object", async () => {
    const [text, json, filtered] = await Promise.all([bin("count"), bin("count", "--json"), bin("count", "--status", "stopped", "--v2")]);
    expect(text).toMatchObject({ code: 0, stdout: "3\n" });
    expect(JSON.parse(json.stdout)).toEqual({ count: 3 });
    expect(filtered.stdout).toBe("1\n");
  });
});

describe.concurrent("help", () => {
  it("--help lists every command, the shared options and the exit codes", async () => {
    const { code, stdout, stderr } = await runBin(["--help"], fakeEnv(""));
    expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
    for (const command of ["ps", "get", "count", "create", "stop", "wait", "metrics"]) expect(stdout).toMatch(new RegExp(`^  ${command} +\\S`, "m"));
    expect(stdout).toContain("--base-url URL");
    expect(stdout).toContain("Exit codes: 0 success, 1 the API said no or could not be reached, 2 usage error");
  });

  it("each command has its own --help (and `help <command>`), with its options, without a token", async () => {
    const usages: Record<string, RegExp> = {
      ps: /--status STATUS/,
      get: /Usage: hathora-processes get ID/,
      count: /--region REGION/,
      create: /--wait/,
      stop: /--yes/,
      wait: /--until STATUS/,
      metrics: /--step SECONDS/,
    };
    const runs = await Promise.all(Object.keys(usages).map((command) => runBin([command, "--help"], fakeEnv("", { HATHORA_TOKEN: undefined }))));
    Object.values(usages).forEach((pattern, index) => {
      expect(runs[index]?.code).toBe(0);
      expect(runs[index]?.stdout).toMatch(pattern);
    });
    const viaHelp = await runBin(["help", "stop"], fakeEnv(""));
    expect(viaHelp.stdout).toBe(runs[4]?.stdout);
  });
});

describe.concurrent("failures of the API: exit 1, one line on stderr", () => {
  it("a 404 names the status, the request and the server's message, with no stack", async () => {
    const { code, stdout, stderr } = await bin("get", "no-such-process");
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toMatch(/^hathora-processes: 404 Not Found: GET \/processes\/v3\/apps\/app-fake\/processes\/no-such-process: Process not found: no-such-process \(request id req-[0-9a-f-]{36}\)\n$/);
  });

  it("a refused token is a 401, exit 1", async () => {
    const { code, stderr } = await runBin(["ps"], fakeEnv(server.url, { HATHORA_TOKEN: "not-the-fake-token" }));
    expect(code).toBe(1);
    expect(stderr).toMatch(/^hathora-processes: 401 Unauthorized: GET .*: Invalid token \(request id req-[0-9a-f-]{36}\)\n$/);
  });

  it("a server that cannot be reached is exit 1 with one line", async () => {
    const { code, stderr } = await runBin(["count", "--json"], fakeEnv(`http://127.0.0.1:${await closedPort()}`, { HATHORA_LOG: "off" }));
    expect(code).toBe(1);
    expect(stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(stderr).toMatch(/^hathora-processes: .*ECONNREFUSED/);
  });
});

/** A port nothing listens on: one the system just gave out and that was closed again. */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}
