// The README's OpenTelemetry setup, against the installed package with the real OpenTelemetry
// SDK. The consumer test checks that the README's block is this file's first part, type-checks
// the file and runs it against Prism; it prints the spans it got.
import { context, trace } from "@opentelemetry/api";
import { AsyncLocalStorageContextManager } from "@opentelemetry/context-async-hooks";
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from "@opentelemetry/sdk-trace-base";
import { createHathoraClient } from "hathora-processes";
import { instrumentHathoraProcesses } from "hathora-processes/opentelemetry";

const exporter = new InMemorySpanExporter(); // in a service: an OTLP exporter
context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
trace.setGlobalTracerProvider(new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] }));
const stopTracing = instrumentHathoraProcesses(); // every client's calls become spans

const hathora = createHathoraClient({ token: process.env.HATHORA_TOKEN ?? "t", appId: "app-1", baseUrl: process.argv[2] });
await trace.getTracer("my-service").startActiveSpan("allocate", async (span) => {
  await hathora.processesV3.getProcess({ processId: "cbfcddd2-0006-43ae-996c-995fff7bed2e" });
  span.end();
});
// (end of the README's block)
stopTracing();
const spans = exporter.getFinishedSpans();
const nameOf = (spanId: string | undefined) => spans.find((candidate) => candidate.spanContext().spanId === spanId)?.name ?? null;
console.log(JSON.stringify(spans.map((span) => ({ name: span.name, parent: nameOf(span.parentSpanContext?.spanId), status: span.attributes["http.response.status_code"] ?? null }))));
