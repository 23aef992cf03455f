// hathora-processes/opentelemetry: turns the `hathora-processes:operation` TracingChannel into
// OpenTelemetry spans, the way @azure/core-tracing bridges OpenTelemetry from outside its core.
// The client itself never imports @opentelemetry/api (an optional peer dependency of this
// subpath only).
//
// Shape: one INTERNAL span per operation call (named after the operationId), opened in the
// caller's active context, and under it one CLIENT span per attempt following the HTTP client
// semantic conventions, so that a retried call shows its resends (`http.request.resend_count`).
// Attempt spans are written when the call ends, from the records of its attempts; their start
// and end are placed on the wall clock relative to the call's end. A wait helper call gets a
// span of its own, with the operation spans of its polls under it (wait-spans.ts).
import { context, SpanKind, SpanStatusCode, trace, type Attributes, type Context, type Span, type TracerProvider } from "@opentelemetry/api";
import type { AttemptEvent } from "../wrappers/observe/attempt-event.js";
import { diagnosticsChannel, OPERATION_CHANNEL, type OperationTraceContext } from "../wrappers/observe/trace-channel.js";
import { WAIT_CHANNEL } from "../wrappers/observe/wait-trace-context.js";
import { waitSpans } from "./wait-spans.js";

/** Options of {@link instrumentHathoraProcesses}. */
export interface HathoraInstrumentationOptions {
  /** Where the tracer comes from. @default the global tracer provider (`trace.getTracerProvider()`) */
  tracerProvider?: TracerProvider | undefined;
}

type Handler = (message: unknown) => void;
interface TracingChannelHandlers {
  start: Handler;
  end: Handler;
  asyncStart: Handler;
  asyncEnd: Handler;
  error: Handler;
}
interface SubscribableTracingChannel {
  subscribe(handlers: TracingChannelHandlers): void;
  unsubscribe(handlers: TracingChannelHandlers): void;
}

const ignore: Handler = () => {};

/**
 * Subscribes to every hathora-processes client's operations and writes them as spans. Returns
 * the function that stops it. Where the platform has no diagnostics_channel (browsers) it does
 * nothing and returns a function that does nothing.
 */
export function instrumentHathoraProcesses(options: HathoraInstrumentationOptions = {}): () => void {
  const tracingChannel = diagnosticsChannel()?.tracingChannel;
  const channel = tracingChannel?.(OPERATION_CHANNEL) as SubscribableTracingChannel | undefined;
  const waitChannel = tracingChannel?.(WAIT_CHANNEL) as SubscribableTracingChannel | undefined;
  if (!channel || !waitChannel) return () => {};
  const tracer = (options.tracerProvider ?? trace.getTracerProvider()).getTracer("hathora-processes");
  const open = new WeakMap<object, { span: Span; parent: Context }>();
  const waits = waitSpans(tracer, guard, wallClockNow);

  const handlers: TracingChannelHandlers = {
    // Published synchronously in the caller's context, so the active span is the caller's; a
    // call that is part of a wait goes under the wait's span.
    start: guard((call: OperationTraceContext) => {
      const parent = waits.parentOf(call.wait) ?? context.active();
      const span = tracer.startSpan(call.operationId, { kind: SpanKind.INTERNAL, attributes: operationAttributes(call) }, parent);
      open.set(call, { span, parent });
    }),
    // asyncStart follows the call's settling (result or error already set on the context).
    asyncStart: guard((call: OperationTraceContext) => {
      const opened = open.get(call);
      if (!opened) return;
      open.delete(call);
      const ended = wallClockNow();
      writeAttemptSpans(call, trace.setSpan(opened.parent, opened.span), ended);
      finish(opened.span, call, call.error !== undefined ? errorType(call.status, call.error) : undefined);
      opened.span.end(ended);
    }),
    end: ignore,
    asyncEnd: ignore,
    error: ignore,
  };

  function writeAttemptSpans(call: OperationTraceContext, parent: Context, ended: number): void {
    const last = call.attemptEvents.at(-1);
    if (!last) return;
    // Records are timed on the client's clock; anchor them to the wall clock at the call's end.
    const offset = ended - (last.startTime + last.durationMs);
    for (const event of call.attemptEvents) {
      const span = tracer.startSpan(`${event.method} ${event.route}`, { kind: SpanKind.CLIENT, startTime: event.startTime + offset, attributes: attemptAttributes(event) }, parent);
      finish(span, event, event.errorType !== undefined ? errorType(event.status, event.error, event.errorType) : undefined);
      span.end(event.startTime + event.durationMs + offset);
    }
  }

  const waitHandlers: TracingChannelHandlers = { start: waits.start, end: ignore, asyncStart: waits.asyncStart, asyncEnd: ignore, error: ignore };
  channel.subscribe(handlers);
  waitChannel.subscribe(waitHandlers);
  return () => {
    channel.unsubscribe(handlers);
    waitChannel.unsubscribe(waitHandlers);
  };
}

/** A subscriber that throws would surface as an uncaught exception in Node: never throw. */
function guard<T>(handle: (context: T) => void): Handler {
  return (message) => {
    try {
      handle(message as T);
    } catch {
      // Tracing loses a span, never the call or the process.
    }
  };
}

function operationAttributes(call: OperationTraceContext): Attributes {
  return {
    "hathora.operation_id": call.operationId,
    "http.request.method": call.method,
    "url.template": call.route,
    "server.address": call.serverAddress,
    "server.port": call.serverPort,
  };
}

function attemptAttributes(event: AttemptEvent): Attributes {
  const attributes: Attributes = {
    ...operationAttributes({ ...event, attempts: event.attempt, attemptEvents: [] }),
    "url.full": event.url,
  };
  if (event.attempt > 1) attributes["http.request.resend_count"] = event.attempt - 1;
  return attributes;
}

/** Status code and error type on a span; the error's message is never copied (it may quote input). */
function finish(span: Span, outcome: { status?: number | undefined; attempts?: number }, failure: string | undefined): void {
  if (outcome.status !== undefined) span.setAttribute("http.response.status_code", outcome.status);
  if (outcome.attempts !== undefined) span.setAttribute("hathora.attempts", outcome.attempts);
  if (failure === undefined) return;
  span.setAttribute("error.type", failure);
  span.setStatus({ code: SpanStatusCode.ERROR });
}

/** The semantic conventions' error.type: the status code when one came, else the error's class. */
function errorType(status: number | undefined, error: unknown, name?: string): string {
  if (status !== undefined) return String(status);
  return name ?? ((error as { name?: unknown } | null)?.name as string | undefined) ?? "_OTHER";
}

function wallClockNow(): number {
  return performance.timeOrigin + performance.now();
}
