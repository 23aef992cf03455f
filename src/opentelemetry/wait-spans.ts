// The spans of the wait helpers: one INTERNAL span per waitForProcess or createProcessAndWait
// call (named after the helper), opened in the caller's active context from the
// `hathora-processes:wait` TracingChannel. The operation spans of its polls (and of
// createProcessAndWait's create) are opened under it: their trace contexts name the wait they
// belong to (`wait`), since the wait's span is never made the active context itself.
import { context, SpanKind, SpanStatusCode, trace, type Attributes, type Context, type Span, type Tracer } from "@opentelemetry/api";
import type { WaitTraceContext } from "../wrappers/observe/wait-trace-context.js";

type Handler = (message: unknown) => void;

/** The wait channel's handlers, and the parent context each open wait gives its calls. */
export interface WaitSpans {
  start: Handler;
  asyncStart: Handler;
  /** The context to open a call's span in when it is part of an open wait, else undefined. */
  parentOf(wait: WaitTraceContext | undefined): Context | undefined;
}

export function waitSpans(tracer: Tracer, guard: (handle: (wait: WaitTraceContext) => void) => Handler, now: () => number): WaitSpans {
  const open = new WeakMap<object, { span: Span; within: Context }>();
  return {
    // Published synchronously in the caller's context, so the active span is the caller's.
    start: guard((wait) => {
      const span = tracer.startSpan(wait.helper, { kind: SpanKind.INTERNAL, attributes: startAttributes(wait) }, context.active());
      open.set(wait, { span, within: trace.setSpan(context.active(), span) });
    }),
    asyncStart: guard((wait) => {
      const opened = open.get(wait);
      if (!opened) return;
      open.delete(wait);
      const { span } = opened;
      if (wait.processId !== undefined) span.setAttribute("hathora.process_id", wait.processId);
      span.setAttribute("hathora.wait.polls", wait.polls);
      span.setAttribute("hathora.wait.statuses", wait.statuses);
      if (wait.error !== undefined) {
        const name = (wait.error as { name?: unknown } | null)?.name;
        span.setAttribute("error.type", typeof name === "string" ? name : "_OTHER");
        span.setStatus({ code: SpanStatusCode.ERROR });
      }
      span.end(now());
    }),
    parentOf: (wait) => (wait === undefined ? undefined : open.get(wait)?.within),
  };
}

function startAttributes(wait: WaitTraceContext): Attributes {
  const attributes: Attributes = { "hathora.wait.until": wait.until };
  if (wait.processId !== undefined) attributes["hathora.process_id"] = wait.processId;
  if (wait.region !== undefined) attributes["hathora.region"] = wait.region;
  return attributes;
}
