// The `hathora-processes:operation` TracingChannel: what a subscriber receives for a success, a
// retried 503 and a 404, and that nothing is published while nobody subscribes.
import diagnosticsChannel from "node:diagnostics_channel";
import { afterEach, describe, expect, it, vi } from "vitest";
import { NotFoundError, OPERATION_CHANNEL, type AttemptEvent, type OperationTraceContext } from "../../src/index.js";
import { json, useFaultServer } from "../helpers/fault-server.js";
import { faultClient, processV3, rejectionOf } from "../helpers/fixtures.js";
import { recordingLogger } from "../helpers/recording-logger.js";

const server = useFaultServer();
const SENTINEL = "tok-trace-0c4d9e77";
const channel = diagnosticsChannel.tracingChannel(OPERATION_CHANNEL);

type Published = { event: "start" | "end" | "asyncStart" | "asyncEnd" | "error"; context: OperationTraceContext; snapshot: string };

/** Subscribes to all five events for the test's duration; each event's context is kept and snapshotted. */
function subscribe(): Published[] {
  const published: Published[] = [];
  const record = (event: Published["event"]) => (message: unknown) => {
    const context = message as OperationTraceContext;
    published.push({ event, context, snapshot: JSON.stringify({ ...context, result: undefined, error: context.error && String(context.error) }) });
  };
  const handlers = { start: record("start"), end: record("end"), asyncStart: record("asyncStart"), asyncEnd: record("asyncEnd"), error: record("error") };
  channel.subscribe(handlers);
  subscriptions.push(() => channel.unsubscribe(handlers));
  return published;
}
const subscriptions: Array<() => void> = [];
afterEach(() => {
  for (const unsubscribe of subscriptions.splice(0)) unsubscribe();
  vi.restoreAllMocks();
});

const flaky = () =>
  server.route((_, res, hit) => (hit === 1 ? json(res, 503, { message: "busy" }, { "x-request-id": "req-1" }) : json(res, 200, processV3, { "x-request-id": "req-2" })));

describe("the operation TracingChannel", () => {
  it("publishes start, end, asyncStart, asyncEnd for a success, with the operation on the context", async () => {
    const published = subscribe();
    const base = server.route((_, res) => json(res, 200, processV3, { "x-request-id": "req-ok" }));
    await faultClient(base, { token: SENTINEL }).processesV3.getProcess({ processId: "p" });
    expect(published.map((entry) => entry.event)).toEqual(["start", "end", "asyncStart", "asyncEnd"]);
    const context = published[0]?.context;
    expect(published.every((entry) => entry.context === context)).toBe(true);
    expect(JSON.parse(published[0]?.snapshot ?? "")).toMatchObject({ operationId: "GetProcess", attempts: 0, attemptEvents: [] });
    expect(context).toMatchObject({
      operationId: "GetProcess",
      method: "GET",
      route: "/processes/v3/apps/{appId}/processes/{processId}",
      serverAddress: "127.0.0.1",
      serverPort: Number(new URL(base).port),
      attempts: 1,
      status: 200,
      requestId: "req-ok",
    });
    expect(context?.result).toMatchObject({ data: processV3, attempts: 1 });
    for (const entry of published) expect(entry.snapshot).not.toContain(SENTINEL);
  });

  it("gathers every attempt of a retried 503 on one context, the same records onAttempt receives", async () => {
    const published = subscribe();
    const events: AttemptEvent[] = [];
    await faultClient(flaky(), { token: SENTINEL, onAttempt: (event) => events.push(event) }).processesV3.getProcess({ processId: "p" });
    expect(published.filter((entry) => entry.event === "start")).toHaveLength(1);
    const context = published.at(-1)?.context;
    expect(context).toMatchObject({ attempts: 2, status: 200, requestId: "req-2" });
    expect(context?.attemptEvents).toEqual(events);
    expect(context?.attemptEvents.map((event) => event.status)).toEqual([503, 200]);
  });

  it("publishes error for a 404, with the error and status on the context", async () => {
    const published = subscribe();
    const base = server.route((_, res) => json(res, 404, { message: "no such process" }));
    const error = await rejectionOf(faultClient(base, { token: SENTINEL }).processesV3.getProcess({ processId: "p" }), NotFoundError);
    expect(published.map((entry) => entry.event)).toEqual(["start", "end", "error", "asyncStart", "asyncEnd"]);
    expect(published[2]?.context).toMatchObject({ attempts: 1, status: 404, error });
    for (const entry of published) expect(entry.snapshot).not.toContain(SENTINEL);
  });

  it("publishes an operation refused before any request, with 0 attempts", async () => {
    const published = subscribe();
    await rejectionOf(faultClient(server.origin).processesV3.getProcess({ processId: "" }));
    expect(published.map((entry) => entry.event)).toContain("error");
    expect(published[0]?.context.attempts).toBe(0);
  });

  it("publishes nothing and builds no record while nobody subscribes", async () => {
    const tracePromise = vi.spyOn(Object.getPrototypeOf(channel) as { tracePromise: () => unknown }, "tracePromise");
    const logger = recordingLogger();
    await faultClient(flaky(), { logger }).processesV3.getProcess({ processId: "p" });
    expect(tracePromise).not.toHaveBeenCalled();
    subscribe();
    await faultClient(flaky(), { logger }).processesV3.getProcess({ processId: "p" });
    expect(tracePromise).toHaveBeenCalledTimes(1);
  });

  it("a subscriber's view does not change the call: plain await and withResponse are the same", async () => {
    subscribe();
    const outcome = await faultClient(flaky()).processesV3.getProcess({ processId: "p" }).withResponse();
    expect(outcome).toMatchObject({ data: processV3, attempts: 2, requestId: "req-2" });
    await expect(faultClient(flaky()).processesV3.getProcess({ processId: "p" })).resolves.toEqual(processV3);
  });
});
