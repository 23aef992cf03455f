// hathora-processes/opentelemetry with the real OpenTelemetry SDK: spans and attributes for a
// success, a retried 503 and a 404, nested under the caller's active span, and no token in any.
import { SpanKind, SpanStatusCode, trace, type TracerProvider } from "@opentelemetry/api";
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from "@opentelemetry/sdk-trace-base";
import { afterEach, describe, expect, it } from "vitest";
import { NotFoundError } from "../../src/index.js";
import { instrumentHathoraProcesses } from "../../src/opentelemetry/index.js";
import { json, useFaultServer } from "../helpers/fault-server.js";
import { faultClient, processV3, rejectionOf } from "../helpers/fixtures.js";
import { useOpenTelemetry } from "../helpers/open-telemetry.js";

const server = useFaultServer();
const SENTINEL = "tok-otel-41a8d2f0";
const { exporter, provider } = useOpenTelemetry();
const tracer = provider.getTracer("test");
afterEach(() => exporter.reset());

/** Runs `call` inside an active parent span; returns the spans it produced, parent included. */
async function underParent(call: () => Promise<unknown>) {
  await tracer.startActiveSpan("caller", async (parent) => {
    try {
      await call();
    } catch {
      // the spans are what this test reads
    } finally {
      parent.end();
    }
  });
  const spans = exporter.getFinishedSpans();
  const parent = spans.find((span) => span.name === "caller");
  const operation = spans.find((span) => span.kind === SpanKind.INTERNAL && span.name !== "caller");
  const attempts = spans.filter((span) => span.kind === SpanKind.CLIENT).sort((a, b) => Number(a.attributes["http.request.resend_count"] ?? 0) - Number(b.attributes["http.request.resend_count"] ?? 0));
  for (const span of spans) expect(JSON.stringify({ name: span.name, attributes: span.attributes, status: span.status, events: span.events })).not.toContain(SENTINEL);
  return { spans, parent, operation, attempts };
}

const route = "/processes/v3/apps/{appId}/processes/{processId}";

describe("OpenTelemetry spans", () => {
  it("a success: an operation span under the caller's span, one CLIENT span under it", async () => {
    const base = server.route((_, res) => json(res, 200, processV3));
    const { spans, parent, operation, attempts } = await underParent(() => faultClient(base, { token: SENTINEL }).processesV3.getProcess({ processId: "p" }));
    expect(spans).toHaveLength(3);
    expect(operation?.name).toBe("GetProcess");
    expect(operation?.parentSpanContext?.spanId).toBe(parent?.spanContext().spanId);
    expect(operation?.spanContext().traceId).toBe(parent?.spanContext().traceId);
    expect(operation?.attributes).toMatchObject({ "hathora.operation_id": "GetProcess", "http.request.method": "GET", "url.template": route, "hathora.attempts": 1, "http.response.status_code": 200 });
    expect(operation?.status.code).toBe(SpanStatusCode.UNSET);
    expect(attempts).toHaveLength(1);
    const [only] = attempts;
    expect(only?.name).toBe(`GET ${route}`);
    expect(only?.parentSpanContext?.spanId).toBe(operation?.spanContext().spanId);
    expect(only?.attributes).toEqual({
      "hathora.operation_id": "GetProcess",
      "http.request.method": "GET",
      "url.template": route,
      "url.full": `${base}/processes/v3/apps/app-1/processes/p`,
      "server.address": "127.0.0.1",
      "server.port": Number(new URL(base).port),
      "http.response.status_code": 200,
    });
  });

  it("a retried 503: two CLIENT spans, the first an error with error.type 503, the second with resend_count 1", async () => {
    const base = server.route((_, res, hit) => (hit === 1 ? json(res, 503, { message: "busy" }) : json(res, 200, processV3)));
    const { operation, attempts } = await underParent(() => faultClient(base, { token: SENTINEL }).processesV3.getProcess({ processId: "p" }));
    expect(attempts).toHaveLength(2);
    const [first, second] = attempts;
    expect(first?.attributes).toMatchObject({ "http.response.status_code": 503, "error.type": "503" });
    expect(first?.attributes).not.toHaveProperty("http.request.resend_count");
    expect(first?.status.code).toBe(SpanStatusCode.ERROR);
    expect(second?.attributes).toMatchObject({ "http.response.status_code": 200, "http.request.resend_count": 1 });
    expect(second?.attributes).not.toHaveProperty("error.type");
    for (const span of attempts) expect(span.parentSpanContext?.spanId).toBe(operation?.spanContext().spanId);
    // The attempts lie inside the operation, the first before the second.
    const ms = (time: [number, number]) => time[0] * 1000 + time[1] / 1e6;
    expect(ms(first?.endTime ?? [0, 0])).toBeLessThanOrEqual(ms(second?.startTime ?? [0, 0]) + 1);
    expect(ms(first?.startTime ?? [0, 0])).toBeGreaterThanOrEqual(ms(operation?.startTime ?? [0, 0]) - 1);
    expect(operation?.attributes).toMatchObject({ "hathora.attempts": 2, "http.response.status_code": 200 });
    expect(operation?.status.code).toBe(SpanStatusCode.UNSET);
  });

  it("a 404: the operation and its attempt are errors with error.type 404", async () => {
    const base = server.route((_, res) => json(res, 404, { message: "no such process" }));
    const { operation, attempts } = await underParent(() => rejectionOf(faultClient(base, { token: SENTINEL }).processesV3.getProcess({ processId: "p" }), NotFoundError));
    expect(operation?.attributes).toMatchObject({ "http.response.status_code": 404, "error.type": "404", "hathora.attempts": 1 });
    expect(operation?.status.code).toBe(SpanStatusCode.ERROR);
    expect(attempts).toHaveLength(1);
    expect(attempts[0]?.attributes).toMatchObject({ "http.response.status_code": 404, "error.type": "404" });
  });

  it("a connection that fails: error.type is the error class", async () => {
    const base = server.route((req) => req.socket.destroy());
    const { operation, attempts } = await underParent(() => faultClient(base, { token: SENTINEL, maxRetries: 0 }).processesV3.getProcess({ processId: "p" }));
    expect(operation?.attributes["error.type"]).toBe("ConnectionError");
    expect(attempts[0]?.attributes).not.toHaveProperty("http.response.status_code");
  });

  it("stops when the returned function is called", async () => {
    const second = new InMemorySpanExporter();
    const provider2 = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(second)] });
    const stop2 = instrumentHathoraProcesses({ tracerProvider: provider2 });
    const base = server.route((_, res) => json(res, 200, processV3));
    await faultClient(base).processesV3.getProcess({ processId: "p" });
    stop2();
    await faultClient(base).processesV3.getProcess({ processId: "p" });
    expect(second.getFinishedSpans().filter((span) => span.kind === SpanKind.INTERNAL)).toHaveLength(1);
  });

  it("a tracer that throws changes no outcome", async () => {
    const broken = {
      getTracer: () => ({
        startSpan: () => {
          throw new Error("tracer bug");
        },
        startActiveSpan: () => {
          throw new Error("tracer bug");
        },
      }),
    } as unknown as TracerProvider;
    const stop3 = instrumentHathoraProcesses({ tracerProvider: broken });
    try {
      const base = server.route((_, res, hit) => (hit === 1 ? json(res, 503, { message: "busy" }) : json(res, 200, processV3)));
      await expect(faultClient(base).processesV3.getProcess({ processId: "p" })).resolves.toEqual(processV3);
    } finally {
      stop3();
    }
  });

  it("uses the global tracer provider when none is given", async () => {
    trace.setGlobalTracerProvider(provider);
    const stop4 = instrumentHathoraProcesses();
    try {
      const base = server.route((_, res) => json(res, 200, processV3));
      await faultClient(base).processesV3.getProcess({ processId: "p" });
      // Two subscriptions to one provider: the operation is written twice.
      expect(exporter.getFinishedSpans().filter((span) => span.name === "GetProcess")).toHaveLength(2);
    } finally {
      stop4();
      trace.disable();
    }
  });
});
