// failNext: the failures a client must survive, each as the client sees it in production.
import { describe, expect, it } from "vitest";
import { ConnectionError, createHathoraClient, RateLimitError } from "../../src/index.js";
import { createFakeHathora } from "../../src/testing/index.js";

const client = (fake: ReturnType<typeof createFakeHathora>) => createHathoraClient({ ...fake.clientOptions, logLevel: "off" });

describe("failNext", () => {
  it("a 429 queued twice is retried twice, then the create succeeds once", async () => {
    const fake = createFakeHathora();
    fake.failNext("CreateProcess", { status: 429, retryAfterSeconds: 1 }, 2);
    await client(fake).processesV3.createProcess({ region: "Tokyo" });
    expect(fake.calls.map((call) => call.status)).toEqual([429, 429, 201]);
    expect(fake.processes()).toHaveLength(1);
  });

  it("a status failure carries its Retry-After to the error when retries run out", async () => {
    const fake = createFakeHathora();
    fake.failNext("*", { status: 429, retryAfterSeconds: 5, message: "slow down" }, 3);
    const error = await client(fake).processesV3.getLatestProcesses().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).message).toContain("slow down");
    expect((error as RateLimitError).retryAfterMs).toBe(5_000);
  });

  it("a refused connection never reached the server: even createProcess is retried", async () => {
    const fake = createFakeHathora();
    fake.failNext("*", { network: "refused" });
    await client(fake).processesV3.createProcess({ region: "Tokyo" });
    expect(fake.calls.map((call) => call.failure ?? call.status)).toEqual(["refused", 201]);
    expect(fake.processes()).toHaveLength(1);
  });

  it("a lost response: the server created the process, the client does not retry the create", async () => {
    const fake = createFakeHathora();
    fake.failNext("CreateProcess", { network: "lost-response" });
    const error = await client(fake).processesV3.createProcess({ region: "Tokyo" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect(fake.calls).toHaveLength(1);
    expect(fake.processes().map((process) => process.status)).toEqual(["starting"]);
  });

  it("a lost response of an idempotent call is retried", async () => {
    const fake = createFakeHathora();
    const { processId } = fake.addProcess({ region: "Tokyo" });
    fake.failNext("StopProcess", { network: "lost-response" });
    await client(fake).processesV3.stopProcess({ processId });
    expect(fake.calls.map((call) => call.failure ?? call.status)).toEqual(["lost-response", 204]);
  });

  it("only the targeted operation fails; reset forgets queued failures, calls and processes", async () => {
    const fake = createFakeHathora();
    fake.failNext("StopProcess", { status: 500 });
    await client(fake).processesV3.createProcess({ region: "Tokyo" });
    expect(fake.calls.map((call) => call.status)).toEqual([201]);
    fake.reset();
    expect([fake.calls.length, fake.processes().length]).toEqual([0, 0]);
    fake.addProcess({ region: "Tokyo" });
    await client(fake).processesV3.stopProcess({ processId: fake.processes()[0]!.processId });
    expect(fake.calls.map((call) => call.status)).toEqual([204]);
  });
});

describe("calls", () => {
  it("records operation, method, path and query of each request, never the token", async () => {
    const fake = createFakeHathora({ token: "secret-token-123" });
    await client(fake).processesV3.getLatestProcesses({ status: ["running", "starting"], region: ["Tokyo"] });
    expect(fake.calls).toEqual([
      { operationId: "GetLatestProcesses", method: "GET", path: "/processes/v3/apps/app-fake/processes/latest", query: { status: ["running", "starting"], region: ["Tokyo"] }, status: 200, at: Date.UTC(2026, 0, 1) },
    ]);
    expect(JSON.stringify(fake.calls)).not.toContain("secret-token-123");
  });
});

describe("a refused connection over HTTP", () => {
  // Over a socket the request has arrived before the fake knows which operation it is for, so a
  // refusal aimed at an operation is a reset before any answer (ECONNRESET), with nothing done:
  // a GET is retried, a create is not (it may have arrived, for all the client can tell).
  it("is a reset with nothing done: a GET is retried, a create fails once with mayHaveReachedServer", async () => {
    const fake = createFakeHathora();
    const server = await fake.listen();
    try {
      const hathora = createHathoraClient({ token: fake.token, appId: fake.appId, baseUrl: server.url, logLevel: "off" });
      fake.failNext("GetProcessesCountExperimental", { network: "refused" });
      expect(await hathora.processesV3.getProcessesCountExperimental()).toEqual({ count: 0 });
      expect(fake.calls.map((call) => call.failure ?? call.status)).toEqual(["refused", 200]);
      fake.failNext("CreateProcess", { network: "refused" });
      const error = await hathora.processesV3.createProcess({ region: "Tokyo" }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ConnectionError);
      expect([(error as ConnectionError).code, (error as ConnectionError).mayHaveReachedServer]).toEqual(["ECONNRESET", true]);
      expect(fake.processes()).toEqual([]);
    } finally {
      await server.close();
    }
  });
});
