// The token is a secret: a sentinel token must not show up in any error, however it is
// printed, nor in any log line, nor reach another origin through a redirect.
import { inspect } from "node:util";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiError, ConfigError, ConnectionError, ConnectionTimeoutError, createHathoraClient, createRawClient, ResponseError, UnauthorizedError, type FetchLike } from "../../src/index.js";
import { json, refusedBaseUrl, useFaultServer } from "../helpers/fault-server.js";
import { faultClient, processV3, rejectionOf } from "../helpers/fixtures.js";

const SENTINEL = "sentinel-token-7f3a9c2e-do-not-leak";

const server = useFaultServer();
const otherOrigin = useFaultServer();

function expectNoSecret(error: unknown): void {
  expect(error).toBeInstanceOf(Error);
  const renderings = [
    String(error),
    (error as Error).message,
    (error as Error).stack ?? "",
    JSON.stringify(error),
    inspect(error, { depth: Infinity, showHidden: true }),
  ];
  for (const text of renderings) expect(text).not.toContain(SENTINEL);
}

const echoAuthorization = (status: number, contentType: string) =>
  server.route((req, res) => {
    const echoed = `auth was ${req.headers.authorization}`;
    const body = contentType === "application/json" ? JSON.stringify({ message: echoed }) : `<html>${echoed}</html>`;
    res.writeHead(status, { "content-type": contentType, "x-echo": String(req.headers.authorization) }).end(body);
  });

describe("the token never appears in an error", () => {
  const client = (baseUrl: string, options = {}) => faultClient(baseUrl, { token: SENTINEL, maxRetries: 0, ...options });
  const rawClient = (baseUrl: string, options = {}) => createRawClient({ token: SENTINEL, baseUrl, ...options });

  it("ApiError, when the server echoes the Authorization header in its message, body and headers", async () => {
    const error = await rejectionOf(client(echoAuthorization(401, "application/json")).processesV3.getProcess({ processId: "p" }), UnauthorizedError);
    expectNoSecret(error);
    expect(error.message).toContain("[REDACTED]");
  });

  it("ApiError with an HTML body that echoes it", async () => {
    expectNoSecret(await rejectionOf(client(echoAuthorization(502, "text/html")).processesV3.getProcess({ processId: "p" })));
  });

  it("ResponseError with a 200 body that echoes it", async () => {
    expectNoSecret(await rejectionOf(client(echoAuthorization(200, "text/html")).processesV3.getProcess({ processId: "p" })));
  });

  it("ConnectionError", async () => {
    expectNoSecret(await rejectionOf(client(await refusedBaseUrl()).processesV3.getProcess({ processId: "p" })));
  });

  it("ConnectionError from a custom fetch whose error carries the request's headers", async () => {
    const leaky: FetchLike = async (request) => {
      const error = new Error(`could not send with ${request.headers.get("authorization")}`);
      Object.assign(error, { request, code: "ECONNRESET" });
      throw error;
    };
    const error = await rejectionOf(client(server.origin, { fetch: leaky }).processesV3.getProcess({ processId: "p" }), ConnectionError);
    expectNoSecret(error);
    expect(error.code).toBe("ECONNRESET");
    expect(error.cause).toMatchObject({ code: "ECONNRESET" });
  });

  it("ConnectionTimeoutError", async () => {
    expectNoSecret(await rejectionOf(client(server.route(() => {}), { timeoutMs: 50 }).processesV3.getProcess({ processId: "p" }), ConnectionTimeoutError));
  });

  it("ResponseError for a 200 whose broken JSON echoes it, where the parser would quote a cut-off piece", async () => {
    // JSON.parse's message quotes about 10 characters around the error: here a piece of the
    // token that redaction, which looks for the whole token, could not recognise.
    const base = server.route((req, res) => res.writeHead(200, { "content-type": "application/json" }).end(`x${req.headers.authorization?.slice(7)}`));
    const error = await rejectionOf(client(base).processesV3.getProcess({ processId: "p" }), ResponseError);
    expectNoSecret(error);
    for (const text of [error.message, JSON.stringify(error), inspect(error, { depth: Infinity })]) expect(text).not.toContain(SENTINEL.slice(0, 8));
    expect(error.message).toMatch(/: invalid JSON body( at position \d+)?$/);
  });

  it("ApiError whose JSON body uses it as a key", async () => {
    const base = server.route((req, res) => json(res, 400, { [String(req.headers.authorization)]: "x", message: "bad" }));
    const error = await rejectionOf(client(base).processesV3.getProcess({ processId: "p" }), ApiError);
    expectNoSecret(error);
    expect(Object.keys(error.body as object)).toContain("Bearer [REDACTED]");
  });

  it("the raw client's errors from a custom fetch, and its requests to another origin", async () => {
    const leaky: FetchLike = async (request) => {
      throw Object.assign(new Error(`could not send with ${request.headers.get("authorization")}`), { request });
    };
    const raw = rawClient(server.origin, { fetch: leaky });
    const thrown = await rejectionOf(raw.GET("/processes/v3/apps/{appId}/processes/{processId}", { params: { path: { appId: "a", processId: "p" } } }));
    expectNoSecret(thrown);

    const target = otherOrigin.route((_, res) => json(res, 200, processV3));
    const base = server.route((req, res) => res.writeHead(302, { location: `${target}${req.url?.replace(/^\/r\d+/, "")}` }).end());
    const { data } = await rawClient(base).GET("/processes/v3/apps/{appId}/processes/{processId}", { params: { path: { appId: "a", processId: "p" } } });
    expect(data).toEqual(processV3);
    expect(otherOrigin.seen(target)[0]?.headers.authorization).toBeUndefined();
  });

  it("ConfigError for a token a header cannot carry, which the platform would quote", async () => {
    const badToken = `${SENTINEL}\n`;
    const error = await rejectionOf(
      createHathoraClient({ token: () => badToken, appId: "a", baseUrl: server.origin }).processesV3.getProcess({ processId: "p" }),
    );
    expect(error).toBeInstanceOf(ConfigError);
    expectNoSecret(error);
    expect(() => createHathoraClient({ token: badToken })).toThrow(ConfigError);
  });

  it("nor in util.inspect or JSON of the client", () => {
    const hathora = createHathoraClient({ token: SENTINEL, appId: "a" });
    expect(inspect(hathora, { depth: Infinity, showHidden: true })).not.toContain(SENTINEL);
    expect(JSON.stringify(hathora)).not.toContain(SENTINEL);
  });
});

describe("the token is never logged", () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("no console output at all, on success or failure", async () => {
    const spies = (["log", "info", "warn", "error", "debug", "trace"] as const).map((method) => vi.spyOn(console, method));
    const good = server.route((_, res) => json(res, 200, processV3));
    await faultClient(good, { token: SENTINEL }).processesV3.getProcess({ processId: "p" });
    await rejectionOf(faultClient(echoAuthorization(500, "text/html"), { token: SENTINEL, maxRetries: 1 }).processesV3.getProcess({ processId: "p" }));
    for (const spy of spies) expect(spy).not.toHaveBeenCalled();
  });
});

describe("redirects", () => {
  it("the Authorization header is dropped when a redirect leaves the origin", async () => {
    const target = otherOrigin.route((_, res) => json(res, 200, processV3));
    const base = server.route((req, res) => res.writeHead(302, { location: `${target}${req.url?.replace(/^\/r\d+/, "")}` }).end());
    await expect(faultClient(base, { token: SENTINEL }).processesV3.getProcess({ processId: "p" })).resolves.toEqual(processV3);
    const [arrived] = otherOrigin.seen(target);
    expect(arrived?.url).toBe(`${new URL(target).pathname}/processes/v3/apps/app-1/processes/p`);
    expect(arrived?.headers.authorization).toBeUndefined();
    expect(JSON.stringify(arrived?.headers)).not.toContain(SENTINEL);
  });

  it("a redirect within the origin keeps it", async () => {
    const target = server.route((_, res) => json(res, 200, processV3));
    const base = server.route((_, res) => res.writeHead(307, { location: `${target}/moved` }).end());
    await faultClient(base, { token: SENTINEL }).processesV3.getProcess({ processId: "p" });
    expect(server.seen(target)[0]?.headers.authorization).toBe(`Bearer ${SENTINEL}`);
  });

  it("a redirect loop ends after 5 hops as an ApiError", async () => {
    const base = server.route((req, res) => res.writeHead(302, { location: req.url ?? "/" }).end());
    const error = await rejectionOf(faultClient(base, { token: SENTINEL }).processesV3.getProcess({ processId: "p" }), ApiError);
    expect(error.status).toBe(302);
    expect(server.seen(base)).toHaveLength(6);
  });
});
