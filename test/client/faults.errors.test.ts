// What each kind of failure becomes: the error class and its fields.
import { describe, expect, it } from "vitest";
import {
  ApiError,
  ConnectionError,
  HathoraError,
  NotFoundError,
  RateLimitError,
  ResponseError,
  ServerError,
  ConnectionTimeoutError,
} from "../../src/index.js";
import { json, refusedBaseUrl, useFaultServer } from "../helpers/fault-server.js";
import { faultClient, processV3, rejectionOf } from "../helpers/fixtures.js";

const server = useFaultServer();

const noRetries = { maxRetries: 0 };

describe("error responses become ApiError subclasses with their fields", () => {
  it("a JSON error: status, the server's message, body, headers, request id, operation, method, url", async () => {
    const base = server.route((_, res) => json(res, 404, { message: "Process not found" }, { "x-request-id": "req-42" }));
    const error = await rejectionOf(faultClient(base).processesV3.getProcess({ processId: "p-1" }), NotFoundError);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error.name).toBe("NotFoundError");
    expect(error.status).toBe(404);
    expect(error.body).toEqual({ message: "Process not found" });
    expect(error.headers["content-type"]).toBe("application/json");
    expect(error.requestId).toBe("req-42");
    expect(error.operationId).toBe("GetProcess");
    expect(error.method).toBe("GET");
    expect(error.url).toBe(`${base}/processes/v3/apps/app-1/processes/p-1`);
    expect(error.attempts).toBe(1);
    expect(error.message).toBe(`404 Not Found: GET ${new URL(base).pathname}/processes/v3/apps/app-1/processes/p-1: Process not found`);
  });

  it("a proxy's HTML 502 is a ServerError whose message shows what came back", async () => {
    const html = "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center></body></html>";
    const base = server.route((_, res) => res.writeHead(502, { "content-type": "text/html" }).end(html));
    const error = await rejectionOf(faultClient(base, noRetries).processesV3.getProcess({ processId: "p" }), ServerError);
    expect(error).toBeInstanceOf(ServerError);
    expect(error.status).toBe(502);
    expect(error.body).toBe(html);
    expect(error.message).toMatch(/^502 Bad Gateway: GET \S+: non-JSON response body: <html><head><title>502 Bad Gateway/);
  });

  it("a 404 without a body says so", async () => {
    const base = server.route((_, res) => res.writeHead(404).end());
    const error = await rejectionOf(faultClient(base).processesV3.getProcess({ processId: "p" }), NotFoundError);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error.body).toBeUndefined();
    expect(error.message).toMatch(/^404 Not Found: GET \S+: empty response body$/);
  });

  it("an undeclared status is still an ApiError, with the base class", async () => {
    const base = server.route((_, res) => json(res, 418, { message: "I'm a teapot" }));
    const error = await rejectionOf(faultClient(base).processesV3.getProcess({ processId: "p" }), ApiError);
    expect(error.constructor).toBe(ApiError);
    expect(error.name).toBe("ApiError");
    expect(error.status).toBe(418);
    expect(error.message).toContain("I'm a teapot");
  });

  it("a JSON error body without a message is described, and kept whole", async () => {
    const base = server.route((_, res) => json(res, 500, { error: "boom" }));
    const error = await rejectionOf(faultClient(base, noRetries).processesV3.stopProcess({ processId: "p" }), ServerError);
    expect(error.body).toEqual({ error: "boom" });
    expect(error.message).toMatch(/500 Internal Server Error: POST \S+: JSON response body without a message/);
  });

  it("a long text body is cut to a sane length", async () => {
    const base = server.route((_, res) => res.writeHead(500, { "content-type": "text/plain" }).end("x".repeat(100_000)));
    const error = await rejectionOf(faultClient(base, noRetries).processesV3.getProcess({ processId: "p" }), ServerError);
    expect(typeof error.body).toBe("string");
    expect((error.body as string).length).toBeLessThan(2100);
    expect(error.body).toMatch(/… \(100000 characters\)$/);
    expect(error.message.length).toBeLessThan(300);
  });

  it("429 is a RateLimitError with retryAfterMs when the server said", async () => {
    const base = server.route((_, res) => json(res, 429, { message: "Rate limit exceeded" }, { "retry-after": "120" }));
    const error = await rejectionOf(faultClient(base).processesV3.getProcess({ processId: "p" }), RateLimitError);
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error.retryAfterMs).toBe(120_000);
  });
});

describe("success statuses with bodies the spec does not allow become ResponseError", () => {
  it("200 with invalid JSON", async () => {
    const base = server.route((_, res) => res.writeHead(200, { "content-type": "application/json" }).end('{"status": "runn'));
    const error = await rejectionOf(faultClient(base).processesV3.getProcess({ processId: "p" }), ResponseError);
    expect(error.status).toBe(200);
    expect(error.body).toBe('{"status": "runn');
    // The position, not the parser's own message, which quotes the body (see token-secrecy).
    expect(error.message).toMatch(/^200 response to GET \S+: invalid JSON body at position 16$/);
  });

  it("200 with an HTML content type on a JSON operation", async () => {
    const base = server.route((_, res) => res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end("<html>Sign in to the Wi-Fi</html>"));
    const error = await rejectionOf(faultClient(base).processesV3.getProcess({ processId: "p" }), ResponseError);
    expect(error).toBeInstanceOf(ResponseError);
    expect(error.message).toContain("expected a JSON body, got content type text/html; charset=utf-8");
    expect(error.body).toBe("<html>Sign in to the Wi-Fi</html>");
  });

  it("a JSON operation answered with an empty 200", async () => {
    const base = server.route((_, res) => res.writeHead(200, { "content-type": "application/json", "content-length": "0" }).end());
    const error = await rejectionOf(faultClient(base).processesV3.getProcess({ processId: "p" }), ResponseError);
    expect(error.message).toContain("got an empty body");
  });

  it("a 204 with stray bytes still stops, and the next call on the client works", async () => {
    const base = server.route((req, _res, hit) => {
      if (hit === 1) req.socket.end("HTTP/1.1 204 No Content\r\nConnection: keep-alive\r\n\r\nstray bytes after a 204");
      else json(_res, 200, processV3);
    });
    const client = faultClient(base);
    await expect(client.processesV3.stopProcess({ processId: "p" })).resolves.toBeUndefined();
    await expect(client.processesV3.getProcess({ processId: "p" })).resolves.toEqual(processV3);
  });
});

describe("failures without a response", () => {
  it("a refused connection is a ConnectionError with the cause and code", async () => {
    const base = await refusedBaseUrl();
    const error = await rejectionOf(faultClient(base, noRetries).processesV3.getProcess({ processId: "p" }), ConnectionError);
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error).toBeInstanceOf(HathoraError);
    expect(error.code).toBe("ECONNREFUSED");
    expect(error.mayHaveReachedServer).toBe(false);
    // The platform's own error, as it came: fetch's TypeError over the system error.
    expect(error.cause).toBeInstanceOf(TypeError);
    expect(((error.cause as Error).cause as { code?: string }).code).toBe("ECONNREFUSED");
    expect(error.message).toMatch(/^Connection failed: GET \/processes\/v3\/apps\/app-1\/processes\/p: fetch failed \(ECONNREFUSED\)$/);
  });

  it("a connection reset mid-response is a ConnectionError that may have reached the server", async () => {
    const base = server.route((req, res) => {
      res.writeHead(200, { "content-type": "application/json", "content-length": "5000" });
      res.write('{"status":');
      setTimeout(() => req.socket.destroy(), 10);
    });
    const error = await rejectionOf(faultClient(base, noRetries).processesV3.getProcess({ processId: "p" }), ConnectionError);
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error.mayHaveReachedServer).toBe(true);
  });

  it("headers later than timeoutMs are a ConnectionTimeoutError naming the operation and the limit", async () => {
    const base = server.route(() => {
      /* never answers */
    });
    const error = await rejectionOf(faultClient(base, { ...noRetries, timeoutMs: 150 }).processesV3.getProcess({ processId: "p" }), ConnectionTimeoutError);
    expect(error).toBeInstanceOf(ConnectionTimeoutError);
    expect(error.operationId).toBe("GetProcess");
    expect(error.timeoutMs).toBe(150);
    expect(error.message).toMatch(/^GetProcess timed out: no complete response within 150 ms: GET \S+\/processes\/v3\/apps\/app-1\/processes\/p \(attempt 1\)$/);
  });

  it("a body that drips in slower than timeoutMs is a ConnectionTimeoutError too", async () => {
    const base = server.route((_, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      const timer = setInterval(() => res.write(" "), 20);
      res.on("close", () => clearInterval(timer));
    });
    const started = Date.now();
    const error = await rejectionOf(faultClient(base, { ...noRetries, timeoutMs: 300 }).processesV3.getProcess({ processId: "p" }));
    expect(error).toBeInstanceOf(ConnectionTimeoutError);
    expect(Date.now() - started).toBeLessThan(5000);
  });
});
