// request/: everything between a method call and the network, in the order a call meets it:
// run-operation (this file) -> check-arguments -> traffic (the attempt's turn: concurrency-limit,
// shared-backoff, rate-limiter) -> attempt -> transport -> redirects -> fetch; retry-step
// (retry-policy, retry-budget, retry-after) and sleep decide and wait between attempts; token
// resolves and redacts the secret; abort-link, wait-queue, fetch-failure, clock and
// operation-promise serve the above.
//
// Runs one operation: check the arguments and options, then attempt, and retry while the retry
// policy allows, waiting between attempts (the caller's signal cuts any wait short). Each
// attempt's record goes to the client's observer, when it has one, and to the operation's
// trace context when the `hathora-processes:operation` channel has subscribers.
import { operationSpecs } from "../../generated/operations.js";
import { attempt, buildUrl, type AttemptContext, type AttemptResult } from "./attempt.js";
import { requestIdOf, type AttemptEvent, type AttemptExchange, type AttemptObserver } from "../observe/attempt-event.js";
import { checkArguments } from "./check-arguments.js";
import { operationPromise, type OperationPromise, type OperationResponse } from "./operation-promise.js";
import type { OperationId, OperationResult, OperationInput } from "../operation-types.js";
import { resolveCallOptions, type RequestSettings } from "../options/call-options.js";
import { nextStep, type NextStep } from "./retry-step.js";
import { sleep } from "./sleep.js";
import { resolveToken, type TokenSource } from "./token.js";
import { checkAppIdIsNotToken, hiddenAppId, hideAppId } from "./app-id.js";
import { mustWait, takeTurn, type Traffic } from "./traffic.js";
import { subscribedOperationChannel, type OperationChannel, type OperationTraceContext } from "../observe/trace-channel.js";
import type { WaitTraceContext } from "../observe/wait-trace-context.js";

/** What every call of a client shares. */
export interface ClientContext extends AttemptContext {
  token: TokenSource;
  appId: string | undefined;
  settings: RequestSettings;
  /** Where each attempt's record goes; undefined when nothing observes the client. */
  observe: AttemptObserver | undefined;
  /** The host and port of `baseUrl`, for the records. */
  server: { address: string; port: number };
  /** The retry budget, shared backoff, concurrency limit and rate limiter of the client. */
  traffic: Traffic;
}

/** Runs one operation; `within` is the wait helper call it is part of, for the trace context. */
export type RunOperation = <Op extends OperationId>(operationId: Op, input: OperationInput<Op> | undefined, within?: WaitTraceContext) => OperationPromise<OperationResult<Op>>;

export function createOperationRunner(client: ClientContext): RunOperation {
  return function runOperation<Op extends OperationId>(operationId: Op, input: OperationInput<Op> | undefined, within?: WaitTraceContext) {
    const channel = subscribedOperationChannel();
    const called = channel ? traced(channel, client, operationId, input, within) : run(client, operationId, input, client.observe);
    return operationPromise(called as Promise<OperationResponse<OperationResult<Op>>>);
  };
}

/** The call, published on the operation channel; its context gathers every attempt's record. */
function traced(channel: OperationChannel, client: ClientContext, operationId: OperationId, input: unknown, within: WaitTraceContext | undefined): Promise<OperationResponse<unknown>> {
  const spec = operationSpecs[operationId];
  const context: OperationTraceContext = {
    operationId,
    method: spec.method,
    route: spec.path,
    serverAddress: client.server.address,
    serverPort: client.server.port,
    attempts: 0,
    attemptEvents: [],
    // Every field is there from the start, so the object keeps one shape (no `delete`).
    status: undefined,
    requestId: undefined,
    wait: within,
  };
  const observe: AttemptObserver = (event, exchange) => {
    context.attempts = event.attempt;
    context.attemptEvents.push(event);
    context.status = event.status;
    context.requestId = event.requestId;
    client.observe?.(event, exchange);
  };
  return channel.tracePromise(() => run(client, operationId, input, observe), context);
}

async function run(client: ClientContext, operationId: OperationId, input: unknown, observe: AttemptObserver | undefined): Promise<OperationResponse<unknown>> {
  const spec = operationSpecs[operationId];
  const { pathParams, query, given } = checkArguments(operationId, spec, input, client.appId);
  const { settings, signal, headers: callHeaders } = resolveCallOptions(given, client.settings, operationId);
  signal?.throwIfAborted();
  const url = buildUrl(client, operationId, spec, pathParams, query);
  // What errors, events, logs and spans show: the URL, without an appId that looks like a secret.
  const hidden = hiddenAppId(pathParams.appId);
  const shownUrl = hidden ? hideAppId(url, hidden) : url;
  const { clock, traffic } = client;
  let lastCost: number | undefined; // what the last retry took from the retry budget
  let ticket = 0; // the call's place in the shared backoff's line, once it had to wait there

  for (let attemptNumber = 1; ; attemptNumber++) {
    const token = typeof client.token === "string" ? client.token : await resolveToken(client.token);
    checkAppIdIsNotToken(pathParams.appId, token, operationId);
    const request = { operationId, spec, url, shownUrl, hiddenAppId: hidden, callHeaders, token, timeoutMs: settings.timeoutMs, signal, attempt: attemptNumber };
    // The turn (a slot, the shared backoff, the rate limiter) comes before the attempt's clock starts.
    if (mustWait(traffic)) ticket = await takeTurn(traffic, operationId, signal, ticket);
    // Nothing of this is built for a client that nobody observes.
    const watch = observe && { observe, startTime: clock.now(), exchange: { requestHeaders: undefined, responseHeaders: undefined } as AttemptExchange };
    let result: AttemptResult;
    try {
      result = await attempt(client, request, watch?.exchange);
    } catch (error) {
      traffic.limit?.release();
      const next = nextStep(traffic, error, operationId, attemptNumber, spec.idempotent, settings, signal);
      if (watch) notify(watch, failureEvent(client, request, settings, watch.startTime, error, next));
      if (!next.retry) throw error;
      lastCost = next.cost;
      if (next.sleepMs > 0) await sleep(next.sleepMs, signal, clock);
      continue;
    }
    traffic.limit?.release();
    traffic.budget?.succeeded(lastCost);
    traffic.backoff.succeeded();
    const requestId = requestIdOf(result.response.headers);
    if (watch) notify(watch, successEvent(client, request, settings, watch.startTime, result.response.status, requestId));
    return { data: result.data, response: result.response, requestId, attempts: attemptNumber };
  }
}

interface EventRequest {
  operationId: OperationId;
  spec: { method: string; path: string };
  shownUrl: string;
  attempt: number;
}

function baseEvent(client: ClientContext, request: EventRequest, settings: RequestSettings, startTime: number): AttemptEvent {
  return {
    operationId: request.operationId,
    method: request.spec.method,
    route: request.spec.path,
    url: request.shownUrl,
    serverAddress: client.server.address,
    serverPort: client.server.port,
    attempt: request.attempt,
    maxAttempts: settings.maxRetries + 1,
    startTime,
    durationMs: client.clock.now() - startTime,
  };
}

function successEvent(client: ClientContext, request: EventRequest, settings: RequestSettings, startTime: number, status: number, requestId: string | undefined): AttemptEvent {
  const event = baseEvent(client, request, settings, startTime);
  event.status = status;
  if (requestId !== undefined) event.requestId = requestId;
  return event;
}

function failureEvent(client: ClientContext, request: EventRequest, settings: RequestSettings, startTime: number, error: unknown, next: NextStep): AttemptEvent {
  const event = baseEvent(client, request, settings, startTime);
  const failure = error as { status?: unknown; requestId?: unknown; name?: unknown } | null;
  if (typeof failure?.status === "number") event.status = failure.status;
  if (typeof failure?.requestId === "string") event.requestId = failure.requestId;
  event.error = error;
  event.errorType = typeof failure?.name === "string" ? failure.name : typeof error;
  if (next.retry) event.retryInMs = next.retryInMs;
  else event.notRetried = next.reason;
  return event;
}

/** An observer only observes: whatever it throws is dropped here, never the call's outcome. */
function notify({ observe, exchange }: { observe: AttemptObserver; exchange: AttemptExchange }, event: AttemptEvent): void {
  try {
    observe(event, exchange);
  } catch {
    // The observer reports its own failures (observe.ts); nothing may reach the call.
  }
}
