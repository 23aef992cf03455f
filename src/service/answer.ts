// The one route layer of the fake and the self-hosted server: the token (401), the route and the
// app (404), the parameters (422), the region of a create (422, naming the known ones), then the
// operation over the engine; every answer carries an `x-request-id`, and an engine's failure is
// an ApiError answer (503 for a region whose host is down), never a dropped request.
import type { OperationId } from "../index.js";
import { RegionUnavailableError, type ProcessEngine } from "./engine.js";
import { operations, type ServiceAnswer } from "./operations.js";
import { checkParameters, matchRoute } from "./routes.js";
import { createTokenCheck } from "./tokens.js";

/** What the route layer serves, and over what. */
export interface ServiceOptions {
  engine: ProcessEngine;
  /** The bearer tokens accepted. */
  tokens: readonly string[];
  /** The app ids served; any other gets a 404. */
  apps: readonly string[];
  /** The regions a process may be created in; any other gets a 422 naming these. */
  regions: readonly string[];
  /** Who knows these regions, for the 422's message ("this server", "Hathora"). */
  regionsOwner: string;
  /** A new request id for each answer. */
  requestId: () => string;
  /** Unix ms. */
  now: () => number;
  /** Told of an engine failure answered as a 5xx (for a log line); never given the token. */
  onEngineError?: ((error: unknown, operationId: OperationId) => void) | undefined;
}

/** A request as the layer needs it: the method, the URL and the Authorization header. */
export interface ServiceRequest {
  method: string;
  url: URL;
  authorization: string | null;
}

/** An answer with the operation it matched (undefined for a path the API does not have). */
export interface ServiceResult extends ServiceAnswer {
  operationId: OperationId | undefined;
  headers: Record<string, string>;
}

/** The route layer over one engine. */
export interface Service {
  answer(request: ServiceRequest): Promise<ServiceResult>;
  /** A fresh request id, for an answer made outside the layer (the fake's injected failures). */
  requestId(): string;
}

/** Seconds a client should wait before trying a region whose host is down again. */
const UNAVAILABLE_RETRY_AFTER_SECONDS = 5;

/** The query of a URL as a record of value lists. */
export function queryRecord(url: URL): Record<string, string[]> {
  const query: Record<string, string[]> = {};
  for (const [key, value] of url.searchParams) (query[key] ??= []).push(value);
  return query;
}

/** Builds the layer. */
export function createService(options: ServiceOptions): Service {
  const checkToken = createTokenCheck(options.tokens);
  const apps = new Set(options.apps);
  const regions = new Set(options.regions);

  async function decide(request: ServiceRequest): Promise<{ operationId: OperationId | undefined; answer: ServiceAnswer; headers?: Record<string, string> }> {
    const route = matchRoute(request.method, request.url.pathname);
    const operationId = route?.operationId;
    const token = checkToken(request.authorization);
    if (token !== "ok") return { operationId, answer: { status: 401, body: { message: token === "invalid" ? "Invalid token" : "Missing Authorization header: Bearer <token>" } } };
    if (route === undefined) return { operationId, answer: { status: 404, body: { message: `No such route: ${request.method} ${request.url.pathname}` } } };
    const appId = route.pathParams.appId ?? "";
    if (!apps.has(appId)) return { operationId, answer: { status: 404, body: { message: `App not found: ${appId}` } } };
    const query = queryRecord(request.url);
    const problem = checkParameters(route.operationId, route.pathParams, query);
    if (problem !== undefined) return { operationId, answer: { status: 422, body: { message: problem } } };
    const region = route.pathParams.region;
    if (region !== undefined && !regions.has(region)) {
      const message = `Unknown region ${JSON.stringify(region)}: ${options.regionsOwner} runs processes in ${[...regions].join(", ")}`;
      return { operationId, answer: { status: 422, body: { message } } };
    }
    try {
      const answer = await operations[route.operationId]({ appId, pathParams: route.pathParams, query, engine: options.engine, now: options.now() });
      return { operationId, answer };
    } catch (error) {
      options.onEngineError?.(error, route.operationId);
      if (error instanceof RegionUnavailableError) {
        return { operationId, answer: { status: 503, body: { message: error.message } }, headers: { "retry-after": String(UNAVAILABLE_RETRY_AFTER_SECONDS) } };
      }
      return { operationId, answer: { status: 500, body: { message: `Internal error: ${error instanceof Error ? error.message : String(error)}` } } };
    }
  }

  return {
    requestId: options.requestId,
    async answer(request) {
      const { operationId, answer, headers = {} } = await decide(request);
      return { ...answer, operationId, headers: { ...headers, "x-request-id": options.requestId() } };
    },
  };
}
