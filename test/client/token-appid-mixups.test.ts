// Token and appId mixed up, as a config file does it: a token given as "Bearer xyz", the token
// passed as appId too, and token and appId swapped, which puts the token in the request's path.
// As for the token itself, a sentinel must not show up in any error, however printed, nor in any
// event, log line or span.
import diagnosticsChannel from "node:diagnostics_channel";
import { inspect } from "node:util";
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from "@opentelemetry/sdk-trace-base";
import { describe, expect, it } from "vitest";
import { ApiError, ConfigError, ConnectionError, createHathoraClient, type HathoraClientOptions, NotFoundError, OPERATION_CHANNEL, UnauthorizedError, type AttemptEvent, type FetchLike } from "../../src/index.js";
import { instrumentHathoraProcesses } from "../../src/opentelemetry/index.js";
import { looksLikeSecret } from "../../src/wrappers/request/app-id.js";
import { json, useFaultServer } from "../helpers/fault-server.js";
import { faultClient, processV3, rejectionOf } from "../helpers/fixtures.js";
import { recordingLogger } from "../helpers/recording-logger.js";

const server = useFaultServer();
// A token shaped like a real one (a JWT), passed where the appId goes.
const SENTINEL = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJzZW50aW5lbC1kby1ub3QtbGVhayJ9.Q8vZ3kLm2NpR7tXw9YbC4dFh6JsK1aEo";
const APP_ID = "app-af469a92-5b45-4565-b3c4-b79878de67d2";

function renderings(error: unknown): string[] {
  const thrown = error as Error;
  return [String(error), thrown.message, thrown.stack ?? "", JSON.stringify(error), inspect(error, { depth: Infinity, showHidden: true })];
}

function expectNoSentinel(texts: string[]): void {
  for (const text of texts) {
    expect(text).not.toContain(SENTINEL);
    // Nor a recognisable part of it: the random tail, and the URL-encoded whole.
    expect(text).not.toContain("Q8vZ3kLm2NpR7tXw9YbC4dFh6JsK1aEo");
  }
}

describe('a token given as "Bearer xyz"', () => {
  it.each(["Bearer xyz-token-1234", "bearer xyz-token-1234", "BEARER\txyz-token-1234"])("%j is a ConfigError at creation, not quoted", (token) => {
    let thrown: unknown;
    try {
      createHathoraClient({ token });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ConfigError);
    expect((thrown as Error).message).toBe('The token starts with "Bearer ": pass the token alone; the client sends `Authorization: Bearer <token>` itself');
  });

  it("from a token function: a ConfigError for the call, and no request sent", async () => {
    const base = server.route((_, res) => json(res, 200, processV3));
    const error = await rejectionOf(faultClient(base, { token: () => "Bearer xyz-token-1234" }).processesV3.getProcess({ processId: "p" }), ConfigError);
    expect(error.message).toMatch(/^The token starts with "Bearer "/);
    expect(error.message).not.toContain("xyz-token-1234");
    expect(server.seen(base)).toEqual([]);
  });
});

describe("an appId equal to the token", () => {
  it("is a ConfigError at creation, quoting neither", () => {
    let thrown: unknown;
    try {
      createHathoraClient({ token: SENTINEL, appId: SENTINEL });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ConfigError);
    expect((thrown as Error).message).toMatch(/^createHathoraClient: the appId is the token itself \(were token and appId swapped\?\)/);
    expectNoSentinel(renderings(thrown));
  });

  it("given per call, or with a token function: a ConfigError before anything is sent", async () => {
    const base = server.route((_, res) => json(res, 200, processV3));
    const perCall = await rejectionOf(faultClient(base, { token: SENTINEL }).processesV3.getProcess({ appId: SENTINEL, processId: "p" }), ConfigError);
    const fromFunction = await rejectionOf(faultClient(base, { token: () => SENTINEL, appId: SENTINEL }).processesV3.getProcess({ processId: "p" }), ConfigError);
    for (const error of [perCall, fromFunction]) {
      expect(error.message).toMatch(/^GetProcess: the appId is the token itself/);
      expectNoSentinel(renderings(error));
    }
    expect(server.seen(base)).toEqual([]);
  });
});

describe("token and appId swapped: the token is the appId, in the path", () => {
  // The server echoes the path in its message, a header and the body, as a 404 page may.
  const echoing = (status: number) =>
    server.route((req, res) => json(res, status, { message: `No application at ${req.url}`, path: req.url }, { "x-path": String(req.url), "x-request-id": "req-9" }));
  const swapped = (baseUrl: string, options: Partial<HathoraClientOptions> = {}) => faultClient(baseUrl, { token: APP_ID, appId: SENTINEL, maxRetries: 0, ...options });

  it("the request still goes out as given (the server may know the app by that name)", async () => {
    const base = echoing(404);
    await rejectionOf(swapped(base).processesV3.getProcess({ processId: "p" }), NotFoundError);
    expect(server.seen(base)[0]?.url).toContain(`/apps/${SENTINEL}/processes/p`);
  });

  it.each([404, 401])("the %i error shows [appId-hidden-N-chars] in its URL, message, body and headers", async (status) => {
    const error = await rejectionOf(swapped(echoing(status)).processesV3.getProcess({ processId: "p" }), ApiError);
    expect(error).toBeInstanceOf(status === 404 ? NotFoundError : UnauthorizedError);
    expectNoSentinel(renderings(error));
    const shown = `[appId-hidden-${SENTINEL.length}-chars]`;
    expect(error.url).toMatch(new RegExp(`/apps/${shown.replace(/[[\]]/g, "\\$&")}/processes/p$`));
    expect(error.message).toContain(`/processes/v3/apps/${shown}/processes/p`);
    expect(error.headers["x-path"]).toContain(shown);
    expect(error.requestId).toBe("req-9");
  });

  it("a ConnectionError whose cause quotes the URL", async () => {
    const quoting: FetchLike = async (request) => {
      throw Object.assign(new TypeError(`error sending request for url (${request.url})`), { code: "ECONNRESET" });
    };
    const error = await rejectionOf(swapped(server.origin, { fetch: quoting }).processesV3.getProcess({ processId: "p" }), ConnectionError);
    expectNoSentinel([...renderings(error), ...renderings(error.cause)]);
  });

  it("events, log lines at debug, the trace context and the spans", async () => {
    const events: AttemptEvent[] = [];
    const logger = recordingLogger();
    const contexts: unknown[] = [];
    const channel = diagnosticsChannel.tracingChannel(OPERATION_CHANNEL);
    const handlers = { start: () => {}, end: () => {}, asyncStart: (context: unknown) => contexts.push(context), asyncEnd: () => {}, error: () => {} };
    const exporter = new InMemorySpanExporter();
    const stop = instrumentHathoraProcesses({ tracerProvider: new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] }) });
    channel.subscribe(handlers);
    try {
      const client = swapped(echoing(503), { maxRetries: 1, logger, logLevel: "debug", onAttempt: (event) => events.push(event) });
      await rejectionOf(client.processesV3.getProcess({ processId: "p" }));
    } finally {
      channel.unsubscribe(handlers);
      stop();
    }
    expect(events).toHaveLength(2);
    expect(logger.lines.length).toBeGreaterThanOrEqual(4);
    expect(contexts).toHaveLength(1);
    const spans = exporter.getFinishedSpans();
    expect(spans).toHaveLength(3);
    expectNoSentinel([
      ...events.map((event) => inspect(event, { depth: Infinity })),
      ...logger.lines.map((line) => line.text),
      inspect(contexts, { depth: Infinity }),
      ...spans.map((span) => JSON.stringify({ name: span.name, attributes: span.attributes, events: span.events, status: span.status })),
    ]);
    expect(events[0]?.url).toContain(`/apps/[appId-hidden-${SENTINEL.length}-chars]/processes/p`);
  });
});

describe("which appIds look like a secret (shown hidden) and which like an id (shown whole)", () => {
  it.each([
    [APP_ID, false],
    ["af469a92-5b45-4565-b3c4-b79878de67d2", false],
    ["app-fake", false],
    ["my-game-production-eu-west", false],
    ["tournament_2026_finals_bracket", false],
    ["5f1d7c3a9e8b4d2f6a0c1e3b", false], // a hex id: no upper case
    [SENTINEL, true], // a JWT
    ["hathora_org_st_Fzu9D1yCPsqKtsYLwl91aEXY9A7lBXN0Kon", true], // a random mixed-case tail
    ["xnYHUAJp3RvMohvrgvCsvUy2", true],
    ["a".repeat(65), true], // longer than any id
  ])("%s: %s", (appId, secret) => {
    expect(looksLikeSecret(appId)).toBe(secret);
  });

  it("an id is shown whole in errors, as before", async () => {
    const error = await rejectionOf(faultClient(server.route((_, res) => json(res, 404, { message: "gone" })), { appId: APP_ID, maxRetries: 0 }).processesV3.getProcess({ processId: "p" }), NotFoundError);
    expect(error.message).toContain(`/apps/${APP_ID}/processes/p`);
  });
});
