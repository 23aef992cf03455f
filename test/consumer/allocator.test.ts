import { createHathoraClient } from "hathora-processes";
import { createFakeHathora } from "hathora-processes/testing";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { allocate, stopIdle } from "./allocator.js";

const fake = createFakeHathora({ bootMs: 30_000 });
const hathora = createHathoraClient({ ...fake.clientOptions, logLevel: "off" });
beforeEach(() => fake.reset());

describe("allocate", () => {
  it("reuses a running process in the region", async () => {
    const running = fake.addProcess({ region: "Tokyo", status: "running" });
    fake.addProcess({ region: "London", status: "running" });
    expect((await allocate(hathora, "Tokyo")).processId).toBe(running.processId);
    expect(fake.calls.map((call) => call.operationId)).toEqual(["GetLatestProcesses"]);
  });

  it("creates one when none runs there, and waits the 30 s boot (virtual time)", async () => {
    fake.addProcess({ region: "Tokyo", status: "stopped" });
    const started = fake.clock.now();
    const process = await allocate(hathora, "Tokyo");
    expect(process.status).toBe("running");
    expect(process.exposedPort?.port).toBeTypeOf("number");
    expect(fake.clock.now() - started).toBeGreaterThanOrEqual(30_000);
  });

  it("tries once more when the new process fails on boot", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    fake.failNextBoot("OOMKilled");
    const process = await allocate(hathora, "Frankfurt");
    expect(process.status).toBe("running");
    expect(fake.processes().map((p) => [p.status, p.summaryExitReason])).toEqual([
      ["running", undefined],
      ["failed", "OOMKilled"],
    ]);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining("OOMKilled"));
    warn.mockRestore();
  });

  it("rides out a 429 with a 60 s Retry-After", async () => {
    fake.failNext("CreateProcess", { status: 429, retryAfterSeconds: 60 });
    const started = fake.clock.now();
    expect((await allocate(hathora, "Dubai")).status).toBe("running");
    expect(fake.calls.filter((call) => call.operationId === "CreateProcess").map((call) => call.status)).toEqual([429, 201]);
    expect(fake.clock.now() - started).toBeGreaterThanOrEqual(90_000);
  });
});

describe("stopIdle", () => {
  it("stops the running processes with no rooms, and only those", async () => {
    const idle = fake.addProcess({ region: "Tokyo", status: "running", roomsAllocated: 0 });
    const busy = fake.addProcess({ region: "Tokyo", status: "running", roomsAllocated: 3 });
    expect(await stopIdle(hathora)).toEqual([idle.processId]);
    const status = Object.fromEntries(fake.processes().map((p) => [p.processId, p.status]));
    expect(status).toEqual({ [idle.processId]: "stopping", [busy.processId]: "running" });
  });

  it("stops every idle one, also past the 10 that getLatestProcesses returns", async () => {
    const idle: string[] = [];
    for (let i = 0; i < 15; i++) {
      const rooms = i % 5 === 0 ? 2 : 0;
      const process = fake.addProcess({ region: "Tokyo", status: "running", roomsAllocated: rooms });
      if (rooms === 0) idle.push(process.processId);
      fake.clock.advance(1_000); // created a second apart
    }
    expect(idle).toHaveLength(12);
    expect((await stopIdle(hathora)).sort()).toEqual(idle.sort());
    expect(fake.processes().filter((p) => p.status === "running").map((p) => p.roomsAllocated)).toEqual([2, 2, 2]);
  });
});
