// `onStatus`: the wait helpers tell the caller each status they see change, for progress (the
// CLI's `--wait` lines); against the fake on its virtual clock.
import { describe, expect, it } from "vitest";
import { ConfigError, createHathoraClient, type ProcessV2, type ProcessV3 } from "../../src/index.js";
import { createFakeHathora, type FakeHathora } from "../../src/testing/index.js";

const client = (fake: FakeHathora) => createHathoraClient({ ...fake.clientOptions, logLevel: "off" });
const statuses = () => {
  const seen: string[] = [];
  return { seen, onStatus: (process: ProcessV2 | ProcessV3) => void seen.push(process.status) };
};

describe("onStatus", () => {
  it("createProcessAndWait tells the created process's status, then each change, once each", async () => {
    const fake = createFakeHathora({ bootMs: 10_000 });
    const { seen, onStatus } = statuses();
    const process = await client(fake).processesV3.createProcessAndWait({ region: "Tokyo", onStatus });
    expect(process.status).toBe("running");
    expect(seen).toEqual(["starting", "running"]);
    // Several polls saw "starting": it was told once.
    expect(fake.calls.filter((call) => call.operationId === "GetProcess").length).toBeGreaterThan(2);
  });

  it("waitForProcess tells a stop's course on v2 too: stopping, then stopped", async () => {
    const fake = createFakeHathora({ stopMs: 5_000 });
    const hathora = client(fake);
    const { processId } = fake.addProcess({ region: "Tokyo" });
    await hathora.processesV2.stopProcess({ processId });
    const { seen, onStatus } = statuses();
    await hathora.processesV2.waitForProcess({ processId, until: "stopped", onStatus });
    expect(seen).toEqual(["stopping", "stopped"]);
  });

  it("each of two waits sharing one poll loop hears every change", async () => {
    const fake = createFakeHathora({ bootMs: 10_000 });
    const hathora = client(fake);
    const { processId } = fake.addProcess({ region: "Tokyo", status: "starting" });
    const [first, second] = [statuses(), statuses()];
    await Promise.all([hathora.processesV3.waitForProcess({ processId, onStatus: first.onStatus }), hathora.processesV3.waitForProcess({ processId, onStatus: second.onStatus })]);
    expect(first.seen).toEqual(["starting", "running"]);
    expect(second.seen).toEqual(["starting", "running"]);
  });

  it("only observes: a throwing onStatus changes nothing", async () => {
    const fake = createFakeHathora({ bootMs: 10_000 });
    const process = await client(fake).processesV3.createProcessAndWait({
      region: "Tokyo",
      onStatus: () => {
        throw new Error("a broken progress bar");
      },
    });
    expect(process.status).toBe("running");
  });

  it("that is not a function is a ConfigError before anything is sent", async () => {
    const fake = createFakeHathora();
    const wrong = { region: "Tokyo", onStatus: "print" } as unknown as Parameters<ReturnType<typeof client>["processesV3"]["createProcessAndWait"]>[0];
    await expect(client(fake).processesV3.createProcessAndWait(wrong)).rejects.toThrow(new ConfigError('createProcessAndWait: onStatus must be a function, got "print"'));
    expect(fake.calls).toEqual([]);
  });
});
