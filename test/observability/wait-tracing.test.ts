// The wait helpers as observers see them: a `hathora-processes:wait` TracingChannel context per
// helper call with its polls linked to it, an OpenTelemetry span with the poll spans under it,
// and one info line per wait besides the poll lines. Against the fake, on its virtual clock, so
// durations and poll counts are exact.
import diagnosticsChannel from "node:diagnostics_channel";
import { SpanKind, SpanStatusCode, trace } from "@opentelemetry/api";
import { afterEach, describe, expect, it } from "vitest";
import { createHathoraClient, OPERATION_CHANNEL, ProcessNotReadyError, WAIT_CHANNEL, type HathoraClientOptions, type OperationTraceContext, type WaitTraceContext } from "../../src/index.js";
import { createFakeHathora } from "../../src/testing/index.js";
import { rejectionOf } from "../helpers/fixtures.js";
import { useOpenTelemetry } from "../helpers/open-telemetry.js";
import { recordingLogger } from "../helpers/recording-logger.js";

// Named here, not imported: the test reads what a subscriber that knows only the name receives.
const WAIT = "hathora-processes:wait";

function setup(options: Partial<HathoraClientOptions> = {}) {
  const fake = createFakeHathora({ bootMs: 5_000 });
  const hathora = createHathoraClient({ ...fake.clientOptions, ...options });
  return { fake, hathora };
}

type Event = { channel: "wait" | "operation"; event: string; context: object };
const subscriptions: Array<() => void> = [];
afterEach(() => {
  for (const unsubscribe of subscriptions.splice(0)) unsubscribe();
});
function subscribe(name: string, channel: Event["channel"], events: Event[]): void {
  const tracing = diagnosticsChannel.tracingChannel(name);
  const on = (event: string) => (message: unknown) => events.push({ channel, event, context: message as object });
  const handlers = { start: on("start"), end: on("end"), asyncStart: on("asyncStart"), asyncEnd: on("asyncEnd"), error: on("error") };
  tracing.subscribe(handlers);
  subscriptions.push(() => tracing.unsubscribe(handlers));
}

describe("the wait TracingChannel", () => {
  it("is named hathora-processes:wait", () => {
    expect(WAIT_CHANNEL).toBe(WAIT);
  });

  it("createProcessAndWait: one context, its create and polls linked to it and inside it", async () => {
    const events: Event[] = [];
    subscribe(WAIT, "wait", events);
    subscribe(OPERATION_CHANNEL, "operation", events);
    const { hathora } = setup({ logLevel: "off" });
    const process = await hathora.processesV3.createProcessAndWait({ region: "Tokyo" });

    const waits = events.filter((entry) => entry.channel === "wait");
    expect(waits.map((entry) => entry.event)).toEqual(["start", "end", "asyncStart", "asyncEnd"]);
    const wait = waits[0]?.context as WaitTraceContext;
    expect(wait).toMatchObject({ helper: "createProcessAndWait", region: "Tokyo", until: "running", processId: process.processId, polls: 6, statuses: ["starting", "running"], result: process });
    expect(wait.durationMs).toBeGreaterThanOrEqual(5_000);

    const calls = events.filter((entry) => entry.channel === "operation" && entry.event === "start").map((entry) => entry.context as OperationTraceContext);
    expect(calls.map((call) => call.operationId)).toEqual(["CreateProcess", ...Array.from({ length: 6 }, () => "GetProcess")]);
    for (const call of calls) expect(call.wait).toBe(wait);
    // The wait starts before its first call and settles after its last.
    const order = events.filter((entry) => entry.event === "start" || entry.event === "asyncStart").map((entry) => `${entry.channel} ${entry.event}`);
    expect(order[0]).toBe("wait start");
    expect(order.at(-1)).toBe("wait asyncStart");
  });

  it("waitForProcess that fails: the error and the statuses seen", async () => {
    const events: Event[] = [];
    subscribe(WAIT, "wait", events);
    const { fake, hathora } = setup({ logLevel: "off" });
    const seeded = fake.addProcess({ region: "Tokyo", status: "running" });
    await rejectionOf(hathora.processesV2.waitForProcess({ processId: seeded.processId, until: "stopped", waitTimeoutMs: 3_000 }));
    const wait = events.find((entry) => entry.event === "asyncStart")?.context as WaitTraceContext;
    expect(wait).toMatchObject({ helper: "waitForProcess", processId: seeded.processId, until: "stopped", statuses: ["running"], polls: 4 });
    expect((wait.error as Error).name).toBe("WaitTimeoutError");
  });

  it("nothing is built when nothing listens: the polls' contexts name no wait", async () => {
    const events: Event[] = [];
    subscribe(OPERATION_CHANNEL, "operation", events);
    const { fake, hathora } = setup({ logLevel: "warn" });
    const seeded = fake.addProcess({ region: "Tokyo", status: "starting" });
    fake.setStatus(seeded.processId, "running");
    await hathora.processesV3.waitForProcess({ processId: seeded.processId });
    const calls = events.filter((entry) => entry.event === "start").map((entry) => entry.context as OperationTraceContext);
    expect(calls).toHaveLength(1);
    expect(calls[0]?.wait).toBeUndefined();
  });
});

describe("the info line of a wait", () => {
  it("one per wait besides the poll lines: how long, how many polls, the statuses seen", async () => {
    const logger = recordingLogger();
    const { hathora } = setup({ logger, logLevel: "info" });
    const process = await hathora.processesV3.createProcessAndWait({ region: "Tokyo" });
    const lines = logger.lines.map((line) => line.text);
    const summaries = lines.filter((line) => line.startsWith("hathora-processes createProcessAndWait"));
    expect(summaries).toEqual([`hathora-processes createProcessAndWait ${process.processId} until "running": done in 6594 ms, 6 polls, statuses starting -> running`]);
    expect(lines.filter((line) => line.startsWith("hathora-processes GetProcess GET"))).toHaveLength(6);
    expect(lines.at(-1)).toBe(summaries[0]);
  });

  it("a failed wait names its error, and a create that failed names no process", async () => {
    const logger = recordingLogger();
    const { fake, hathora } = setup({ logger, logLevel: "info", maxRetries: 0 });
    fake.failNextBoot("OOMKilled");
    const created = await rejectionOf(hathora.processesV3.createProcessAndWait({ region: "Dubai" }), ProcessNotReadyError);
    fake.failNext("CreateProcess", { status: 402 });
    await rejectionOf(hathora.processesV3.createProcessAndWait({ region: "Dubai" }));
    const summaries = logger.lines.filter((line) => / until "running": /.test(line.text)).map((line) => line.text);
    expect(summaries).toEqual([
      `hathora-processes createProcessAndWait ${created.processId} until "running": ProcessNotReadyError in 6594 ms, 6 polls, statuses starting -> failed`,
      'hathora-processes createProcessAndWait (not created, region Dubai) until "running": PaymentRequiredError in 0 ms, 0 polls, no status seen',
    ]);
  });

  it("a logger that throws changes no outcome", async () => {
    const throwing = () => {
      throw new Error("logger down");
    };
    const { hathora } = setup({ logger: { error: throwing, warn: throwing, info: throwing, debug: throwing }, logLevel: "info" });
    await expect(hathora.processesV3.createProcessAndWait({ region: "Tokyo" })).resolves.toMatchObject({ status: "running" });
  });
});

describe("OpenTelemetry: a span per wait, the polls under it", () => {
  const { exporter, provider } = useOpenTelemetry();

  it("caller > createProcessAndWait > CreateProcess and each GetProcess > their attempts", async () => {
    const { hathora } = setup({ logLevel: "off" });
    const tracer = provider.getTracer("test");
    const process = await tracer.startActiveSpan("caller", async (span) => {
      try {
        return await hathora.processesV3.createProcessAndWait({ region: "Tokyo" });
      } finally {
        span.end();
      }
    });
    const spans = exporter.getFinishedSpans();
    const byId = new Map(spans.map((span) => [span.spanContext().spanId, span]));
    const parentName = (span: (typeof spans)[number]) => byId.get(span.parentSpanContext?.spanId ?? "")?.name ?? null;
    const wait = spans.find((span) => span.name === "createProcessAndWait");
    expect(wait?.kind).toBe(SpanKind.INTERNAL);
    expect(parentName(wait!)).toBe("caller");
    expect(wait?.attributes).toEqual({
      "hathora.wait.until": "running",
      "hathora.region": "Tokyo",
      "hathora.process_id": process.processId,
      "hathora.wait.polls": 6,
      "hathora.wait.statuses": ["starting", "running"],
    });
    const operations = spans.filter((span) => span.attributes["hathora.operation_id"] !== undefined && span.kind === SpanKind.INTERNAL);
    expect(operations.map((span) => [span.name, parentName(span)])).toEqual([["CreateProcess", "createProcessAndWait"], ...Array.from({ length: 6 }, () => ["GetProcess", "createProcessAndWait"])]);
    for (const attempt of spans.filter((span) => span.kind === SpanKind.CLIENT)) expect(["CreateProcess", "GetProcess"]).toContain(parentName(attempt));
    expect(trace.getActiveSpan()).toBeUndefined();
    exporter.reset();
  });

  it("a wait that fails is an error span with its error.type", async () => {
    const { fake, hathora } = setup({ logLevel: "off" });
    fake.failNextBoot("OOMKilled");
    await rejectionOf(hathora.processesV3.createProcessAndWait({ region: "Tokyo" }), ProcessNotReadyError);
    const wait = exporter.getFinishedSpans().find((span) => span.name === "createProcessAndWait");
    expect(wait?.status.code).toBe(SpanStatusCode.ERROR);
    expect(wait?.attributes).toMatchObject({ "error.type": "ProcessNotReadyError", "hathora.wait.statuses": ["starting", "failed"] });
    exporter.reset();
  });
});
