// The real OpenTelemetry SDK for a test file: an in-memory exporter behind a basic provider,
// AsyncLocalStorage context, and hathora-processes/opentelemetry instrumenting the client for the
// file's tests (on in beforeAll, off in afterAll).
import { context } from "@opentelemetry/api";
import { AsyncLocalStorageContextManager } from "@opentelemetry/context-async-hooks";
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from "@opentelemetry/sdk-trace-base";
import { afterAll, beforeAll } from "vitest";
import { instrumentHathoraProcesses } from "../../src/opentelemetry/index.js";

/** Instruments the client for the calling file's tests; returns the exporter and provider. */
export function useOpenTelemetry(): { exporter: InMemorySpanExporter; provider: BasicTracerProvider } {
  const exporter = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
  const contextManager = new AsyncLocalStorageContextManager();
  let stop = () => {};
  beforeAll(() => {
    context.setGlobalContextManager(contextManager.enable());
    stop = instrumentHathoraProcesses({ tracerProvider: provider });
  });
  afterAll(() => {
    stop();
    context.disable();
  });
  return { exporter, provider };
}
