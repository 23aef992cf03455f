// One request through the fake, whatever carried it (the in-process fetch or `listen`): record
// it, meet a queued failure, check the token, the route, the app and the parameters, answer.
// A network failure is returned as an outcome, for the carrier to turn into its own form.
import type { OperationId } from "../index.js";
import { queryRecord, type FakeCall } from "./calls.js";
import type { ClockDriver } from "./clock-driver.js";
import type { FailureQueue } from "./failures.js";
import { handlers, type FakeAnswer } from "./handlers.js";
import type { ProcessStore } from "./process-store.js";
import type { RateLimitBuckets } from "./rate-limit.js";
import { checkParameters, matchRoute } from "./routes.js";
import type { ClockCore } from "./virtual-clock.js";

/** What became of a request: an answer, or one of the two network failures. */
export type ExchangeOutcome = { kind: "answer"; response: Response } | { kind: "refused" } | { kind: "lost-response"; response: Response };

/** The parts of the fake a request touches. */
export interface ExchangeContext {
  appId: string;
  token: string;
  seed: number;
  store: ProcessStore;
  failures: FailureQueue;
  calls: FakeCall[];
  clock: ClockCore;
  driver: ClockDriver;
  /** Set when the fake rate-limits (`createFakeHathora({ rateLimit })`). */
  rateLimit?: RateLimitBuckets | undefined;
}

const json = ({ status, body }: FakeAnswer, headers: Record<string, string> = {}): Response =>
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
  if (limited !== undefined) return answer(call, limited.answer, limited.headers);
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
    const headers: Record<string, string> = failure.retryAfterSeconds === undefined ? {} : { "retry-after": String(failure.retryAfterSeconds) };
    return answer(call, { status: failure.status, body: { message: failure.message ?? `Injected failure: status ${failure.status}` } }, headers);
  }

  const answered = answerFor(fake, request, url, route);
  if (failure !== undefined && "network" in failure && failure.network === "lost-response") {
    call.failure = "lost-response";
    return { kind: "lost-response", response: json(answered) };
  }
  return answer(call, answered);
}

function answer(call: FakeCall, reply: FakeAnswer, headers: Record<string, string> = {}): ExchangeOutcome {
  call.status = reply.status;
  return { kind: "answer", response: json(reply, headers) };
}

function answerFor(fake: ExchangeContext, request: Request, url: URL, route: ReturnType<typeof matchRoute>): FakeAnswer {
  if (request.headers.get("authorization") !== `Bearer ${fake.token}`) {
    return { status: 401, body: { message: request.headers.has("authorization") ? "Invalid token" : "Missing Authorization header: Bearer <token>" } };
  }
  if (route === undefined) return { status: 404, body: { message: `No such route: ${request.method} ${url.pathname}` } };
  if (route.pathParams.appId !== fake.appId) return { status: 404, body: { message: `App not found: ${route.pathParams.appId ?? ""}` } };
  const query = queryRecord(url);
  const problem = checkParameters(route.operationId, route.pathParams, query);
  if (problem !== undefined) return { status: 422, body: { message: problem } };
  return handlers[route.operationId]({ pathParams: route.pathParams, query, store: fake.store, now: fake.clock.now(), seed: fake.seed });
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
