// create, wait and stop of the packed bin against the fake over HTTP: ids on stdout, each status
// change on stderr, --json shapes, several stops with --yes, --all, and the exits of a wait that
// ends badly.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFakeHathora, type FakeServer } from "../../src/testing/index.js";
import type { ProcessV3 } from "../../src/index.js";
import { fakeEnv, runBin } from "./run-bin.js";

const fake = createFakeHathora({ bootMs: 1_000, stopMs: 500, startTime: Date.now() });
let server: FakeServer;
const bin = (...args: string[]) => runBin(args, fakeEnv(server.url));
const processOf = (processId: string) => fake.processes().find((process) => process.processId === processId);
const PROGRESS = /^\d\d:\d\d:\d\d {2}(\S+) {2}(\S+)(?: {2}(\S+))?$/;
/** The stderr lines of a wait: [processId, status, address?] each. */
const progress = (stderr: string) => stderr.trimEnd().split("\n").map((line) => PROGRESS.exec(line)?.slice(1).filter((part) => part !== undefined));

/** Resolves once the fake has answered `count` GetProcess requests for `processId`. */
async function polled(processId: string, count: number): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (fake.calls.filter((call) => call.operationId === "GetProcess" && call.path.endsWith(`/${processId}`) && call.status !== undefined).length < count) {
    if (Date.now() > deadline) throw new Error(`the bin did not poll ${processId} ${count} times`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

beforeAll(async () => {
  server = await fake.listen();
});
afterAll(() => server.close());

describe.concurrent("create", () => {
  it("prints the new process's id; --json the process CreateProcess returned", async () => {
    const [text, json] = await Promise.all([bin("create", "Seattle"), bin("create", "Tokyo", "--json")]);
    expect(text.code).toBe(0);
    expect(processOf(text.stdout.trim())).toMatchObject({ region: "Seattle" });
    const created = JSON.parse(json.stdout) as ProcessV3;
    expect(created).toMatchObject({ region: "Tokyo", status: "starting", exposedPort: null });
    expect(processOf(created.processId)?.region).toBe("Tokyo");
  });

  it("--wait shows each status change on stderr and ends when the process runs", async () => {
    const { code, stdout, stderr } = await bin("create", "Frankfurt", "--wait");
    expect(code).toBe(0);
    const processId = stdout.trim();
    const running = processOf(processId);
    expect(progress(stderr)).toEqual([
      [processId, "starting"],
      [processId, "running", `1.proxy.hathora.dev:${running?.exposedPort?.port}`],
    ]);
  });

  it("--wait --json prints the running process", async () => {
    const { code, stdout } = await bin("create", "London", "--wait", "--json", "--v2");
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ region: "London", status: "running", deploymentId: 1 });
  });
});

describe.concurrent("wait", () => {
  it("shows every status the process passes through, and prints the one reached", async () => {
    const { processId } = fake.addProcess({ region: "Dubai" });
    const waiting = bin("wait", processId, "--until", "stopped");
    await polled(processId, 1);
    fake.setStatus(processId, "stopping");
    await polled(processId, 2);
    fake.setStatus(processId, "stopped");
    const { code, stdout, stderr } = await waiting;
    expect({ code, stdout }).toEqual({ code: 0, stdout: "stopped\n" });
    expect(progress(stderr).map((line) => line?.[1])).toEqual(["running", "stopping", "stopped"]);
  });

  it("--json prints the process as the wait last saw it", async () => {
    const { processId } = fake.addProcess({ region: "Chicago", status: "starting" });
    const { code, stdout } = await bin("wait", processId, "--json");
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ processId, status: "running" });
  });

  it("exits 1 when the process fails before it gets there", async () => {
    const { processId } = fake.addProcess({ region: "Mumbai" });
    const waiting = bin("wait", processId, "--until", "stopped");
    await polled(processId, 1);
    fake.setStatus(processId, "failed", { summaryExitReason: "Crashed" });
    const { code, stdout, stderr } = await waiting;
    expect({ code, stdout }).toEqual({ code: 1, stdout: "" });
    expect(stderr).toMatch(new RegExp(`\\n?hathora-processes: .*${processId}.*failed.*\\n$`));
  });

  it("exits 1 when --timeout runs out, saying what it last saw", async () => {
    const { processId } = fake.addProcess({ region: "Sydney" });
    const { code, stderr } = await bin("wait", processId, "--until", "stopped", "--timeout", "1s");
    expect(code).toBe(1);
    expect(stderr).toMatch(/hathora-processes: .*1000 ?ms.*running/);
  });
});

describe.concurrent("stop", () => {
  it("one id: no confirmation, prints the id, the process stops", async () => {
    const { processId } = fake.addProcess({ region: "Seattle" });
    const { code, stdout } = await bin("stop", processId);
    expect({ code, stdout }).toEqual({ code: 0, stdout: `${processId}\n` });
    expect(processOf(processId)?.status).toMatch(/^stopp(ing|ed)$/);
  });

  it("--wait shows the changes until stopped; --json prints the processes as an array", async () => {
    const { processId } = fake.addProcess({ region: "Seattle" });
    const { code, stdout, stderr } = await bin("stop", processId, "--wait", "--json");
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual([processOf(processId)]);
    expect(progress(stderr).at(-1)?.slice(0, 2)).toEqual([processId, "stopped"]);
  });

  it("several ids with --yes: each is stopped; one unknown id fails alone, exit 1", async () => {
    const [a, b] = [fake.addProcess({ region: "Tokyo" }), fake.addProcess({ region: "Tokyo" })];
    const { code, stdout, stderr } = await bin("stop", a.processId, "no-such-process", b.processId, "--yes");
    expect(code).toBe(1);
    expect(stdout).toBe(`${a.processId}\n${b.processId}\n`);
    expect(stderr).toMatch(/no-such-process: 404 Not Found: POST \/processes\/v3\/apps\/app-fake\/processes\/no-such-process\/stop: Process not found: no-such-process \(request id req-[0-9a-f-]{36}\)\n/);
    expect(stderr).toMatch(/hathora-processes: 1 of 3 processes not stopped\n$/);
    expect([processOf(a.processId)?.status, processOf(b.processId)?.status]).not.toContain("running");
  });

  it("--all --status running --region R --yes stops the matching processes and leaves the others", async () => {
    const running = [fake.addProcess({ region: "Johannesburg" }), fake.addProcess({ region: "Johannesburg" })];
    const ended = fake.addProcess({ region: "Johannesburg", status: "stopped" });
    const elsewhere = fake.addProcess({ region: "Sao_Paulo" });
    const { code, stdout } = await bin("stop", "--all", "--status", "running", "--region", "Johannesburg", "--yes");
    expect(code).toBe(0);
    expect(stdout.trim().split("\n").sort()).toEqual(running.map((process) => process.processId).sort());
    const stopCalls = fake.calls.filter((call) => call.operationId === "StopProcess").map((call) => call.path.split("/").at(-2));
    expect(stopCalls).not.toContain(ended.processId);
    expect(stopCalls).not.toContain(elsewhere.processId);
    expect(processOf(elsewhere.processId)?.status).toBe("running");
  });

  it("--all finds every matching process, past the API's 10 per answer", async () => {
    // 13 processes a second apart: more than one GetLatestProcesses answer holds.
    const base = Date.parse("2026-01-01T00:00:00Z");
    const many = Array.from({ length: 13 }, (_, i) => fake.addProcess({ region: "Dubai", createdAt: new Date(base + i * 1000).toISOString() }));
    const { code, stdout } = await bin("stop", "--all", "--region", "Dubai", "--yes");
    expect(code).toBe(0);
    expect(stdout.trim().split("\n").sort()).toEqual(many.map((process) => process.processId).sort());
  });

  it("--all with nothing to stop says so and prints [] with --json", async () => {
    const { code, stdout, stderr } = await bin("stop", "--all", "--region", "Washington_DC", "--yes", "--json");
    expect({ code, stdout: JSON.parse(stdout) }).toEqual({ code: 0, stdout: [] });
    expect(stderr).toBe("no process to stop\n");
  });
});
