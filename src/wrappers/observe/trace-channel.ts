// Publishes each operation call (all its attempts) on Node's diagnostics_channel TracingChannel
// `hathora-processes:operation`, the way undici and Node core publish theirs: the library emits,
// a subscriber (hathora-processes/opentelemetry, an APM agent) decides. The module is looked up
// at run time, never imported, so that browser and workerd bundles carry no `node:` import;
// where it is missing (browsers) nothing is published. While the channel has no subscriber,
// a call pays one property read.
import type { AttemptEvent } from "./attempt-event.js";
import type { OperationId } from "../operation-types.js";
import { WAIT_CHANNEL, type WaitTraceContext } from "./wait-trace-context.js";

/** The channel's name: `diagnostics_channel.tracingChannel("hathora-processes:operation")`. */
export const OPERATION_CHANNEL = "hathora-processes:operation";

/**
 * The context object of every event of the `hathora-processes:operation` TracingChannel: one
 * operation call, from `start` to `asyncEnd` (or `error`). The fields that describe the outcome
 * (`attempts`, `status`, `requestId`, and `result` or `error`) are set by `asyncStart`.
 * It never holds the token or a header.
 */
export interface OperationTraceContext {
  /** The spec's operationId, such as `"GetProcess"`. */
  operationId: OperationId;
  /** `"GET"` or `"POST"`. */
  method: string;
  /** The path template, such as `/processes/v3/apps/{appId}/processes/{processId}`. */
  route: string;
  /** The host of the client's `baseUrl`. */
  serverAddress: string;
  /** The port of the client's `baseUrl`: its own or the scheme's default. */
  serverPort: number;
  /** How many attempts were made so far (0 when the arguments were refused before any). */
  attempts: number;
  /** The records of those attempts, in order: the same objects `onAttempt` receives. */
  attemptEvents: AttemptEvent[];
  /** The HTTP status of the last attempt, when a response came. */
  status?: number | undefined;
  /** The server's request id of the last attempt, when it sent one. */
  requestId?: string | undefined;
  /** The wait helper call this operation is part of (a poll, or createProcessAndWait's create), when it is one. */
  wait?: WaitTraceContext | undefined;
  /** Set by the channel on success: `{ data, response, requestId, attempts }`. */
  result?: unknown;
  /** Set by the channel on failure: what the call rejects with. */
  error?: unknown;
}

/** The part of a TracingChannel the client uses. */
export type OperationChannel = {
  /** Node 20.13+ and Deno; Bun (1.4) has only the five channels' own flags. */
  readonly hasSubscribers?: boolean;
  tracePromise<T>(fn: () => Promise<T>, context: object): Promise<T>;
} & { readonly [event in (typeof EVENTS)[number]]?: { readonly hasSubscribers: boolean } };

const EVENTS = ["start", "end", "asyncStart", "asyncEnd", "error"] as const;

type DiagnosticsChannelModule = { tracingChannel?(name: string): OperationChannel };
type BuiltinHost = { process?: { getBuiltinModule?(id: string): unknown } };

/** Node's diagnostics_channel where the platform has it (Node, Bun, Deno), else undefined. */
export function diagnosticsChannel(): DiagnosticsChannelModule | undefined {
  try {
    return (globalThis as BuiltinHost).process?.getBuiltinModule?.("node:diagnostics_channel") as DiagnosticsChannelModule | undefined;
  } catch {
    return undefined;
  }
}

/** A function that gives the named channel when someone subscribes to it, else undefined (also where there is none). */
function subscribedChannel(name: string): () => OperationChannel | undefined {
  let channel: OperationChannel | null | undefined;
  return () => {
    if (channel === undefined) channel = diagnosticsChannel()?.tracingChannel?.(name) ?? null;
    if (!channel) return undefined;
    const subscribed = channel.hasSubscribers ?? EVENTS.some((event) => channel?.[event]?.hasSubscribers);
    return subscribed ? channel : undefined;
  };
}

/** The operation channel when someone subscribes to it; undefined otherwise and where there is none. */
export const subscribedOperationChannel = /* @__PURE__ */ subscribedChannel(OPERATION_CHANNEL);
/** The wait channel (wait-trace-context.ts) when someone subscribes to it; undefined otherwise. */
export const subscribedWaitChannel = /* @__PURE__ */ subscribedChannel(WAIT_CHANNEL);
