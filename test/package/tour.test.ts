// `npm start` itself, both ways: against the fake Hathora over HTTP, and in real-API mode pointed at
// Prism through HATHORA_BASE_URL (so the read-only and --create paths run without an account).
import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, inject, it } from "vitest";

const run = promisify(execFile);
const tsx = fileURLToPath(new URL("../../node_modules/tsx/dist/cli.mjs", import.meta.url));
const tour = fileURLToPath(new URL("../../scripts/tour.ts", import.meta.url));
const env = (extra: Record<string, string>) => {
  const { HATHORA_TOKEN: _t, HATHORA_APP_ID: _a, HATHORA_BASE_URL: _b, ...rest } = process.env;
  return { ...rest, ...extra };
};

describe("npm start", () => {
  it("without HATHORA_TOKEN tours a process's whole life against the fake Hathora over HTTP", async () => {
    const { stdout } = await run(process.execPath, [tsx, tour], { env: env({}) });
    expect(stdout).toMatch(/against the fake Hathora \(hathora-processes\/testing\) at http:\/\/127\.0\.0\.1:\d+/);
    for (const call of ["createProcessAndWait", "getProcess", "getLatestProcesses", "getProcessesCountExperimental", "getProcessMetrics", "stopProcess", "getProcessInfo"]) {
      expect(stdout).toContain(call);
    }
    expect(stdout).toMatch(/v3 {2}createProcess\(.* -> \S+ starting\n/);
    expect(stdout).toMatch(/v3 {2}waitForProcess \(until running\) +-> running at 1\.proxy\.hathora\.dev:\d+ \(tcp\)/);
    expect(stdout).toMatch(/v3 {2}stopProcess +-> stopping\n/);
    expect(stdout).toMatch(/v3 {2}waitForProcess\(\{ until: "stopped" \}\) +-> stopped at 20\d\d-/);
    expect(stdout).toMatch(/v3 {2}getProcess\(\{ processId: "no-such-process" \}\) +-> NotFoundError: .*404.*Process not found: no-such-process/);
    expect(stdout).toMatch(/done in \d+ ms/);
  });

  it("with HATHORA_TOKEN is read-only unless --create is given", async () => {
    const real = env({ HATHORA_TOKEN: "real-looking-token", HATHORA_APP_ID: "app-1", HATHORA_BASE_URL: inject("prismUrl") });
    const readOnly = await run(process.execPath, [tsx, tour], { env: real });
    expect(readOnly.stdout).toContain(`tour against ${inject("prismUrl")}, app app-1`);
    expect(readOnly.stdout).toContain("read-only");
    expect(readOnly.stdout).not.toContain("createProcess");

    const creating = await run(process.execPath, [tsx, tour, "--create"], { env: real });
    expect(creating.stdout).toMatch(/createProcessAndWait\(\{ region: "Seattle" \}\)\s+-> \S+ running/);
    expect(creating.stdout).toMatch(/stopProcess\s+-> \S+ stopped/);
    expect(creating.stdout + creating.stderr).not.toContain("real-looking-token");
  });
});
