// What depends on a terminal, run under a real pseudo-terminal (util-linux `script`): colour
// there and only there (never with NO_COLOR), the confirmation of several stops; and the token,
// which no output carries at any log level.
import { spawn } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFakeHathora, type FakeServer } from "../../src/testing/index.js";
import { binPath, fakeEnv, hasEscapes, runBin } from "./run-bin.js";

const fake = createFakeHathora({ bootMs: 500, stopMs: 300, startTime: Date.now() });
let server: FakeServer;
let seattle: string;

beforeAll(async () => {
  ({ processId: seattle } = fake.addProcess({ region: "Seattle", createdAt: new Date(Date.now() - 3_600_000).toISOString() }));
  server = await fake.listen();
});
afterAll(() => server.close());

const quote = (word: string) => `'${word.replaceAll("'", `'\\''`)}'`;

/**
 * Runs the bin on a pseudo-terminal (stdin, stdout and stderr all on it); `answer` is typed once
 * the bin asks its question. Resolves with everything the terminal showed, and the exit code.
 */
async function onTerminal(args: string[], env: NodeJS.ProcessEnv, answer?: string): Promise<{ code: number | null; screen: string }> {
  const bin = await binPath();
  return new Promise((resolve, reject) => {
    const child = spawn("script", ["-qec", [bin, ...args].map(quote).join(" "), "/dev/null"], { env, stdio: ["pipe", "pipe", "inherit"] });
    let screen = "";
    child.stdout.on("data", (chunk: Buffer) => {
      screen += chunk.toString();
      if (answer !== undefined && screen.includes("[y/N]")) {
        child.stdin.write(`${answer}\n`);
        answer = undefined;
      }
    });
    child.on("error", reject);
    child.on("close", (code) => {
      child.stdin.end();
      resolve({ code, screen: screen.replaceAll("\r\n", "\n") });
    });
  });
}

describe.concurrent("colour", () => {
  it("is there on a terminal: a bold header, the status in its colour, the chart's line", async () => {
    const [table, chart] = await Promise.all([onTerminal(["ps"], fakeEnv(server.url)), onTerminal(["metrics", seattle, "--since", "10m"], fakeEnv(server.url))]);
    expect([table.code, chart.code]).toEqual([0, 0]);
    expect(table.screen).toContain("\x1b[1mID");
    expect(table.screen).toContain("\x1b[32mrunning\x1b[39m");
    expect(chart.screen).toContain("\x1b[1mcpu (%)\x1b[22m");
    expect(chart.screen).toMatch(/\x1b\[36m[─╭╮╯╰│]\x1b\[0m/);
  });

  it("is not there on a terminal with NO_COLOR set, nor in a chart", async () => {
    const [table, chart] = await Promise.all([
      onTerminal(["ps"], fakeEnv(server.url, { NO_COLOR: "1" })),
      onTerminal(["metrics", seattle, "--since", "10m"], fakeEnv(server.url, { NO_COLOR: "1" })),
    ]);
    expect([table.code, chart.code]).toEqual([0, 0]);
    expect(table.screen).toMatch(/ID +STATUS/);
    expect(chart.screen).toMatch(/cpu \(%\) {2}min/);
    expect(hasEscapes(table.screen) || hasEscapes(chart.screen)).toBe(false);
  });

  it("is not there when stdout and stderr are pipes, progress lines included", async () => {
    const { code, stdout, stderr } = await runBin(["create", "Tokyo", "--wait"], fakeEnv(server.url));
    expect(code).toBe(0);
    expect(stderr).toMatch(/starting[\s\S]*running/);
    expect(hasEscapes(stdout + stderr)).toBe(false);
  });
});

describe.concurrent("stopping several processes on a terminal", () => {
  it("asks first, and stops them on y", async () => {
    const [a, b] = [fake.addProcess({ region: "London" }), fake.addProcess({ region: "London" })];
    const { code, screen } = await onTerminal(["stop", a.processId, b.processId], fakeEnv(server.url), "y");
    expect(code).toBe(0);
    expect(screen).toContain(`Stop 2 processes: ${a.processId}, ${b.processId}? [y/N] y`);
    const statuses = fake.processes().filter((process) => [a.processId, b.processId].includes(process.processId)).map((process) => process.status);
    expect(statuses).not.toContain("running");
  });

  it("stops nothing on any other answer, exit 1", async () => {
    const [a, b] = [fake.addProcess({ region: "Dubai" }), fake.addProcess({ region: "Dubai" })];
    const { code, screen } = await onTerminal(["stop", a.processId, b.processId], fakeEnv(server.url), "n");
    expect(code).toBe(1);
    expect(screen).toContain("hathora-processes: nothing stopped");
    expect(fake.calls.filter((call) => call.operationId === "StopProcess" && [a.processId, b.processId].some((id) => call.path.includes(id)))).toEqual([]);
  });
});

describe.concurrent("the token", () => {
  const token = "fake-hathora-token";

  it("appears in no output at HATHORA_LOG=debug: success, failure, wait, flag or variable", async () => {
    const debug = fakeEnv(server.url, { HATHORA_LOG: "debug" });
    const processId = seattle;
    const runs = await Promise.all([
      runBin(["ps"], debug),
      runBin(["get", processId, "--json"], debug),
      runBin(["get", "no-such-process"], debug),
      runBin(["create", "Sydney", "--wait"], debug),
      runBin(["metrics", processId, "--since", "5m"], debug),
      runBin(["count", "--token", token], { ...debug, HATHORA_TOKEN: undefined }),
      runBin(["count", "--token", "wrong-token-value"], debug),
      runBin(["wait", processId, "--timeout", token], debug),
    ]);
    expect(runs.map((run) => run.code)).toEqual([0, 0, 1, 0, 0, 0, 1, 2]);
    for (const { stdout, stderr } of runs) {
      expect(stdout + stderr).not.toContain(token);
      expect(stdout + stderr).not.toContain("wrong-token-value");
    }
    // The logs were on, and on stderr only: --json's stdout is JSON alone.
    expect(runs[1]?.stderr).toMatch(/hathora-processes GetProcess attempt 1: GET http:\/\/127\.0\.0\.1:\d+\/.*request headers \{"authorization":"\[redacted\]"/);
    expect(JSON.parse(runs[1]?.stdout ?? "")).toMatchObject({ processId });
    // A value that is the token, given where something else belongs, is hidden from the error too.
    expect(runs[7]?.stderr).toContain('--timeout must be a duration such as 90s, 5m or 1h (at most 24 days), got "[REDACTED]"');
  });
});
