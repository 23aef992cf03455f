// One request through the fake, whatever carried it (the in-process fetch or `listen`): record
// it, meet a queued failure, then answer through the route layer the self-hosted server uses too
// (token, route, app, parameters, region, the operation over the fake engine). A network
// failure is returned as an outcome, for the carrier to turn into its own form.
import type { OperationId } from "../index.js";
import { queryRecord, type Service } from "../service/answer.js";
import { matchRoute } from "../service/routes.js";
import type { FakeCall } from "./calls.js";
import type { ClockDriver } from "./clock-driver.js";
import type { FailureQueue } from "./failures.js";
import type { RateLimitBuckets } from "./rate-limit.js";
import type { ClockCore } from "./virtual-clock.js";

/** What became of a request: an answer, or one of the two network failures. */
export type ExchangeOutcome = { kind: "answer"; response: Response } | { kind: "refused" } | { kind: "lost-response"; response: Response };

/** The parts of the fake a request touches. */
export interface ExchangeContext {
  service: Service;
  failures: FailureQueue;
  calls: FakeCall[];
  clock: ClockCore;
  driver: ClockDriver;
  /** Set when the fake rate-limits (`createFakeHathora({ rateLimit })`). */
  rateLimit?: RateLimitBuckets | undefined;
}

const toResponse = (status: number, body: unknown, headers: Record<string, string>): Response =>
  status === 204 || body === undefined ? new Response(null, { status, headers }) : new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json", ...headers } });

/** Handles one request; rejects with the signal's reason when the request is aborted while delayed. */
export async function exchange(fake: ExchangeContext, request: Request): Promise<ExchangeOutcome> {
  request.signal.throwIfAborted();
  const url = new URL(request.url);
  const route = matchRoute(request.method, url.pathname);
  const operationId: OperationId | undefined = route?.operationId;
  const call: FakeCall = { operationId, method: request.method, path: url.pathname, query: queryRecord(url), status: undefined, at: fake.clock.now() };
  fake.calls.push(call);
  const limited = fake.rateLimit?.refuse(route?.pathParams.appId ?? "", call.at);
  if (limited !== undefined) {
    call.status = limited.status;
    return { kind: "answer", response: toResponse(limited.status, limited.body, { ...limited.headers, "x-request-id": fake.service.requestId() }) };
  }
  const failure = fake.failures.take(operationId);

  if (failure?.delayMs !== undefined) {
    try {
      await virtualDelay(fake, failure.delayMs, request.signal);
    } catch (error) {
      call.failure = "aborted";
      throw error;
    }
  }
  if (failure !== undefined && "network" in failure && failure.network === "refused") {
    call.failure = "refused";
    return { kind: "refused" };
  }
  if (failure !== undefined && "status" in failure) {
    const headers: Record<string, string> = { "x-request-id": fake.service.requestId() };
    if (failure.retryAfterSeconds !== undefined) headers["retry-after"] = String(failure.retryAfterSeconds);
    call.status = failure.status;
    return { kind: "answer", response: toResponse(failure.status, { message: failure.message ?? `Injected failure: status ${failure.status}` }, headers) };
  }

  const answered = await fake.service.answer({ method: request.method, url, authorization: request.headers.get("authorization") });
  const response = toResponse(answered.status, answered.body, answered.headers);
  if (failure !== undefined && "network" in failure && failure.network === "lost-response") {
    call.failure = "lost-response";
    return { kind: "lost-response", response };
  }
  call.status = answered.status;
  return { kind: "answer", response };
}

/** Waits `ms` of the fake's clock; the wait counts as idle, so auto-advance may skip it. */
function virtualDelay(fake: ExchangeContext, ms: number, signal: AbortSignal): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    fake.driver.busyEnd();
    const finish = (settle: () => void): void => {
      signal.removeEventListener("abort", onAbort);
      fake.driver.busyStart();
      settle();
    };
    const onAbort = (): void => {
      fake.clock.clearTimeout(handle);
      finish(() => reject(signal.reason));
    };
    const handle = fake.clock.setTimeout(() => finish(resolve), ms);
    signal.addEventListener("abort", onAbort, { once: true });
  });
}
