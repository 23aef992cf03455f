// onAttempt and .withResponse() where the core's tests leave gaps: connection failures, POST
// and v2 operations, query strings, the other request id header, a call refused before sending,
// and the one record agreeing across the log line, the event and the trace context.
import diagnosticsChannel from "node:diagnostics_channel";
import { describe, expect, it } from "vitest";
import { ConfigError, ConnectionError, OPERATION_CHANNEL, type AttemptEvent, type OperationTraceContext } from "../../src/index.js";
import { schemaExample } from "../helpers/examples.js";
import { json, refusedBaseUrl, useFaultServer } from "../helpers/fault-server.js";
import { faultClient, processV3, rejectionOf } from "../helpers/fixtures.js";
import { recordingLogger } from "../helpers/recording-logger.js";

const server = useFaultServer();

describe("onAttempt, beyond HTTP statuses", () => {
  it("a refused connection: errorType ConnectionError, no status, the error itself, a retry on each but the last", async () => {
    const events: AttemptEvent[] = [];
    const error = await rejectionOf(faultClient(await refusedBaseUrl(), { onAttempt: (event) => events.push(event) }).processesV3.getProcess({ processId: "p" }), ConnectionError);
    expect(events.map((event) => event.attempt)).toEqual([1, 2, 3]);
    for (const event of events) {
      expect(event).toMatchObject({ errorType: "ConnectionError", maxAttempts: 3 });
      expect(event).not.toHaveProperty("status");
    }
    expect(events[2]?.error).toBe(error);
    expect(events.map((event) => event.retryInMs === undefined)).toEqual([false, false, true]);
  });

  it("a time limit: errorType ConnectionTimeoutError with the attempt's duration", async () => {
    const events: AttemptEvent[] = [];
    await rejectionOf(faultClient(server.route(() => {}), { timeoutMs: 60, maxRetries: 0, onAttempt: (event) => events.push(event) }).processesV3.getProcess({ processId: "p" }));
    expect(events).toHaveLength(1);
    expect(events[0]?.errorType).toBe("ConnectionTimeoutError");
    expect(events[0]?.durationMs).toBeGreaterThanOrEqual(50);
  });

  it("a call refused before sending (ConfigError) makes no attempt and no event", async () => {
    const events: AttemptEvent[] = [];
    await rejectionOf(faultClient(server.origin, { onAttempt: (event) => events.push(event) }).processesV3.getProcess({ processId: "" }), ConfigError);
    expect(events).toEqual([]);
  });

  it("the URL carries the query; route and method for a POST and a v2 operation", async () => {
    const events: AttemptEvent[] = [];
    const base = server.route((req, res) => (req.method === "POST" ? json(res, 200, processV3) : json(res, 200, [])));
    const client = faultClient(base, { onAttempt: (event) => events.push(event) });
    await client.processesV3.getLatestProcesses({ status: ["running", "starting"], region: ["Tokyo"] });
    await client.processesV3.createProcess({ region: "Tokyo" });
    await client.processesV2.getLatestProcesses();
    expect(events.map(({ operationId, method, route }) => ({ operationId, method, route }))).toEqual([
      { operationId: "GetLatestProcesses", method: "GET", route: "/processes/v3/apps/{appId}/processes/latest" },
      { operationId: "CreateProcess", method: "POST", route: "/processes/v3/apps/{appId}/processes/regions/{region}" },
      { operationId: "GetLatestProcessesV2Deprecated", method: "GET", route: "/processes/v2/{appId}/list/latest" },
    ]);
    expect(new URL(events[0]?.url ?? "").search).toBe("?status=running&status=starting&region=Tokyo");
  });
});

describe(".withResponse(), beyond GetProcess", () => {
  it("createProcess: the created process, a request id from the request-id header, one attempt", async () => {
    const base = server.route((_, res) => json(res, 200, processV3, { "request-id": "req-created" }));
    const outcome = await faultClient(base).processesV3.createProcess({ region: "Tokyo" }).withResponse();
    expect(outcome).toMatchObject({ data: processV3, requestId: "req-created", attempts: 1 });
    expect(outcome.response.headers.get("content-type")).toBe("application/json");
  });

  it("a v2 operation has it too", async () => {
    const processV2 = schemaExample("ProcessV2");
    const base = server.route((_, res) => json(res, 200, processV2, { "x-request-id": "req-v2" }));
    const outcome = await faultClient(base).processesV2.getProcessInfo({ processId: "p" }).withResponse();
    expect(outcome).toMatchObject({ data: processV2, requestId: "req-v2", attempts: 1 });
  });
});

describe("one record, three views", () => {
  it("the log lines, the events and the trace context tell the same attempts", async () => {
    const logger = recordingLogger();
    const events: AttemptEvent[] = [];
    let traced: OperationTraceContext | undefined;
    const handlers = { start() {}, end() {}, asyncStart() {}, asyncEnd: (message: unknown) => void (traced = message as OperationTraceContext), error() {} };
    const channel = diagnosticsChannel.tracingChannel(OPERATION_CHANNEL);
    channel.subscribe(handlers);
    try {
      const base = server.route((_, res, hit) => (hit < 3 ? json(res, 429, { message: "slow down" }, { "retry-after": "0", "x-request-id": `req-${hit}` }) : json(res, 200, processV3, { "x-request-id": "req-3" })));
      const outcome = await faultClient(base, { logger, logLevel: "info", onAttempt: (event) => events.push(event) }).processesV3.getProcess({ processId: "p" }).withResponse();
      expect(outcome.attempts).toBe(3);
    } finally {
      channel.unsubscribe(handlers);
    }
    expect(events.map((event) => event.requestId)).toEqual(["req-1", "req-2", "req-3"]);
    expect(traced?.attemptEvents).toEqual(events);
    expect(logger.lines.map((line) => /request id (req-\d)/.exec(line.text)?.[1])).toEqual(["req-1", "req-2", "req-3"]);
    expect(logger.lines.map((line) => / (\d{3}) /.exec(line.text)?.[1])).toEqual(events.map((event) => String(event.status)));
  });
});
