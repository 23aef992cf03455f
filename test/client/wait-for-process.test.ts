// waitForProcess and createProcessAndWait against a local server that scripts each poll.
import { describe, expect, it } from "vitest";
import {
  ConfigError,
  NotFoundError,
  PaymentRequiredError,
  ProcessEndedError,
  ProcessNotReadyError,
  ServerError,
  WaitTimeoutError,
  type ProcessStatus,
} from "../../src/index.js";
import { json, useFaultServer } from "../helpers/fault-server.js";
import { faultClient, processV3, rejectionOf } from "../helpers/fixtures.js";
import { schemaExample } from "../helpers/examples.js";

const server = useFaultServer();

/** A route whose n-th GET answers the n-th scripted status (the last one repeats); 404 for "missing". */
function scripted(statuses: Array<ProcessStatus | "missing">, extra: Record<string, unknown> = {}) {
  let gets = 0;
  return server.route((req, res) => {
    if (req.method === "POST") return json(res, 201, { ...processV3, processId: "p-new", status: "starting" });
    const status = statuses[Math.min(++gets, statuses.length) - 1];
    if (status === "missing") return json(res, 404, { message: "Process not found" });
    json(res, 200, { ...processV3, processId: "p-new", status, ...extra });
  });
}

const fast = { pollIntervalMs: 20, maxPollIntervalMs: 50 };

describe("waitForProcess", () => {
  it("returns the process once it is running: starting, starting, running is 3 polls", async () => {
    const base = scripted(["starting", "starting", "running"]);
    const process = await faultClient(base).processesV3.waitForProcess({ processId: "p-new", ...fast });
    expect(process.status).toBe("running");
    expect(process.processId).toBe("p-new");
    expect(server.seen(base)).toHaveLength(3);
  });

  it("waits for another status when asked", async () => {
    const base = scripted(["running", "draining", "stopping", "stopped"]);
    const process = await faultClient(base).processesV3.waitForProcess({ processId: "p-new", until: "stopped", ...fast });
    expect(process.status).toBe("stopped");
    expect(server.seen(base)).toHaveLength(4);
  });

  it("throws ProcessEndedError with the last process and its exit reason when it fails first", async () => {
    const base = scripted(["starting", "failed"], { summaryExitReason: "Process exited with code 137 (out of memory)" });
    const error = await rejectionOf(faultClient(base).processesV3.waitForProcess({ processId: "p-new", ...fast }), ProcessEndedError);
    expect(error).toBeInstanceOf(ProcessEndedError);
    expect(error.status).toBe("failed");
    expect(error.until).toBe("running");
    expect(error.summaryExitReason).toBe("Process exited with code 137 (out of memory)");
    expect(error.process).toMatchObject({ processId: "p-new", status: "failed" });
    expect(error.message).toBe('Process p-new is "failed" and will not become "running": Process exited with code 137 (out of memory)');
    expect(server.seen(base)).toHaveLength(2);
  });

  it.each(["draining", "stopping", "stopped"] as const)("a process that is already %s will not become running", async (status) => {
    const base = scripted([status]);
    await expect(faultClient(base).processesV3.waitForProcess({ processId: "p-new", ...fast })).rejects.toBeInstanceOf(ProcessEndedError);
    expect(server.seen(base)).toHaveLength(1);
  });

  it("WaitTimeoutError says \"not found yet\" only when a poll was answered with 404", async () => {
    const base = scripted(["missing"]);
    const error = await rejectionOf(faultClient(base).processesV3.waitForProcess({ processId: "p-new", waitTimeoutMs: 200, ...fast }), WaitTimeoutError);
    expect(error.message).toBe('waitForProcess timed out after 200 ms: process p-new was not found yet (every answer was 404), waiting for "running"');
    expect(error.lastProcess).toBeUndefined();
  });

  it("WaitTimeoutError says no poll was answered when none came back", async () => {
    const base = server.route(() => {}); // never answers
    const error = await rejectionOf(faultClient(base).processesV3.waitForProcess({ processId: "p-new", waitTimeoutMs: 200, ...fast }), WaitTimeoutError);
    expect(error.message).toBe('waitForProcess timed out after 200 ms: no poll of process p-new was answered yet, waiting for "running"');
  });

  it("throws WaitTimeoutError with the last status seen when the deadline passes", async () => {
    const base = scripted(["starting"]);
    const started = Date.now();
    const error = await rejectionOf(faultClient(base).processesV3.waitForProcess({ processId: "p-new", waitTimeoutMs: 400, pollIntervalMs: 50, maxPollIntervalMs: 100 }), WaitTimeoutError);
    const elapsed = Date.now() - started;
    expect(error).toBeInstanceOf(WaitTimeoutError);
    expect(error.processId).toBe("p-new");
    expect(error.waitTimeoutMs).toBe(400);
    expect(error.lastStatus).toBe("starting");
    expect(error.lastProcess).toMatchObject({ processId: "p-new" });
    expect(error.message).toBe('waitForProcess timed out after 400 ms: process p-new is still "starting", waiting for "running"');
    expect(elapsed).toBeGreaterThanOrEqual(390);
    expect(elapsed).toBeLessThan(3000);
    // Pauses of 50, 75, 100, 100... within 400 ms: about 5 polls; never a tight loop.
    expect(server.seen(base).length).toBeGreaterThanOrEqual(3);
    expect(server.seen(base).length).toBeLessThanOrEqual(8);
  });

  it("backs off from the first interval up to the cap", async () => {
    const base = scripted(["starting", "starting", "starting", "starting", "starting", "running"]);
    const times: number[] = [];
    const client = faultClient(base, {
      fetch: (request) => {
        times.push(Date.now());
        return fetch(request);
      },
    });
    await client.processesV3.waitForProcess({ processId: "p-new", pollIntervalMs: 40, maxPollIntervalMs: 100 });
    const pauses = times.slice(1).map((time, index) => time - (times[index] ?? 0));
    // 40, 60, 90, 100, 100 ms between polls, give or take the machine.
    expect(pauses[0]).toBeGreaterThanOrEqual(35);
    expect(pauses[2]).toBeGreaterThanOrEqual(80);
    expect(Math.max(...pauses)).toBeLessThan(1000);
  });

  it("tolerates a 404 right after creation, then returns the running process", async () => {
    const base = scripted(["missing", "missing", "running"]);
    const process = await faultClient(base).processesV3.waitForProcess({ processId: "p-new", ...fast });
    expect(process.status).toBe("running");
    expect(server.seen(base)).toHaveLength(3);
  });

  it("a 404 after the grace period is a NotFoundError", async () => {
    const base = scripted(["missing"]);
    const error = await rejectionOf(faultClient(base).processesV3.waitForProcess({ processId: "p-new", notFoundGraceMs: 100, ...fast }));
    expect(error).toBeInstanceOf(NotFoundError);
    expect(server.seen(base).length).toBeGreaterThanOrEqual(2);
    expect(server.seen(base).length).toBeLessThanOrEqual(8);
  });

  it("a 404 after the process was seen is not tolerated", async () => {
    const base = scripted(["starting", "missing"]);
    await expect(faultClient(base).processesV3.waitForProcess({ processId: "p-new", ...fast })).rejects.toBeInstanceOf(NotFoundError);
    expect(server.seen(base)).toHaveLength(2);
  });

  it("transient errors go through the client's retries; a steady 500 ends the wait", async () => {
    let gets = 0;
    const base = server.route((_, res) => (++gets === 1 ? json(res, 503, { message: "busy" }) : json(res, 200, { ...processV3, status: "running" })));
    await expect(faultClient(base).processesV3.waitForProcess({ processId: "p", ...fast })).resolves.toMatchObject({ status: "running" });
    expect(gets).toBe(2);
    const broken = server.route((_, res) => json(res, 500, { message: "down" }));
    await expect(faultClient(broken, { maxRetries: 1 }).processesV3.waitForProcess({ processId: "p", ...fast })).rejects.toBeInstanceOf(ServerError);
    expect(server.seen(broken)).toHaveLength(2);
  });

  it("the caller's signal stops polling at once", async () => {
    const base = scripted(["starting"]);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 150);
    const started = Date.now();
    const error = await rejectionOf(
      faultClient(base).processesV3.waitForProcess({ processId: "p-new", pollIntervalMs: 40, maxPollIntervalMs: 40, signal: controller.signal }),
      DOMException,
    );
    expect(error.name).toBe("AbortError");
    expect(Date.now() - started).toBeLessThan(5000);
    // A poll sent just before the abort may reach the server a little later on a busy machine;
    // what matters is that no new poll starts after it.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const polls = server.seen(base).length;
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(server.seen(base)).toHaveLength(polls);
  });

  it("rejects bad options with ConfigError before polling", async () => {
    const base = scripted(["running"]);
    const { processesV3 } = faultClient(base);
    await expect(processesV3.waitForProcess({ processId: "p", until: "" })).rejects.toThrow(/until must be a non-empty string/);
    await expect(processesV3.waitForProcess({ processId: "p", waitTimeoutMs: -1 })).rejects.toBeInstanceOf(ConfigError);
    await expect(processesV3.waitForProcess({ processId: "" })).rejects.toThrow(/processId is required/);
    expect(server.seen(base)).toHaveLength(0);
  });

  it("v2 shares the implementation, polling getProcessInfo", async () => {
    const v2Process = schemaExample("ProcessV2") as Record<string, unknown>;
    const statuses = ["starting", "running"];
    const base = server.route((req, res, hit) => json(res, 200, { ...v2Process, status: statuses[Math.min(hit, 2) - 1] }));
    const process = await faultClient(base).processesV2.waitForProcess({ processId: "p", ...fast });
    expect(process.status).toBe("running");
    expect(process.deploymentId).toBe(1);
    expect(server.seen(base).map((request) => request.url)).toEqual([
      `${new URL(base).pathname}/processes/v2/app-1/info/p`,
      `${new URL(base).pathname}/processes/v2/app-1/info/p`,
    ]);
  });
});

describe("createProcessAndWait", () => {
  it("creates, then returns the process once running", async () => {
    const base = scripted(["starting", "running"]);
    const process = await faultClient(base).processesV3.createProcessAndWait({ region: "Tokyo", ...fast });
    expect(process).toMatchObject({ processId: "p-new", status: "running" });
    expect(server.seen(base).map((request) => request.method)).toEqual(["POST", "GET", "GET"]);
  });

  it("if the wait fails, the error carries the created process id, and the cause says why", async () => {
    const base = scripted(["failed"], { summaryExitReason: "crashed" });
    const error = await rejectionOf(faultClient(base).processesV3.createProcessAndWait({ region: "Tokyo", ...fast }), ProcessNotReadyError);
    expect(error).toBeInstanceOf(ProcessNotReadyError);
    expect(error.processId).toBe("p-new");
    expect(error.process.status).toBe("starting");
    expect(error.cause).toBeInstanceOf(ProcessEndedError);
    expect(error.message).toContain("p-new");
    expect(error.message).toContain("crashed");
  });

  it("a timeout or abort during the wait also carries the id", async () => {
    const base = scripted(["starting"]);
    const timedOut = await rejectionOf(
      faultClient(base).processesV3.createProcessAndWait({ region: "Tokyo", waitTimeoutMs: 100, ...fast }),
      ProcessNotReadyError,
    );
    expect(timedOut.processId).toBe("p-new");
    expect(timedOut.cause).toBeInstanceOf(WaitTimeoutError);

    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const aborted = await rejectionOf(
      faultClient(base).processesV3.createProcessAndWait({ region: "Tokyo", signal: controller.signal, ...fast }),
      ProcessNotReadyError,
    );
    expect(aborted.processId).toBe("p-new");
    expect(aborted.cause).toMatchObject({ name: "AbortError" });
  });

  it("a failed create is thrown as it is: there is no process to report", async () => {
    const base = server.route((_, res) => json(res, 402, { message: "Payment required" }));
    const error = await rejectionOf(faultClient(base).processesV3.createProcessAndWait({ region: "Tokyo", ...fast }), PaymentRequiredError);
    expect(error.status).toBe(402);
    expect(server.seen(base)).toHaveLength(1);
  });
});
