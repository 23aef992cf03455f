// A token too short to be told apart from ordinary text ("t", common in tests) is replaced only
// where it stands whole; header names are never touched; a realistic token still never appears.
import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { NotFoundError, ServerError } from "../../src/index.js";
import { json, useFaultServer } from "../helpers/fault-server.js";
import { faultClient, rejectionOf } from "../helpers/fixtures.js";

const server = useFaultServer();

const renderings = (error: Error) => [error.message, error.stack ?? "", JSON.stringify(error), inspect(error, { depth: Infinity })];

describe("redaction with a short token", () => {
  const client = (baseUrl: string) => faultClient(baseUrl, { token: "t", maxRetries: 0 });

  it("leaves the message, the body and the header names intact", async () => {
    const base = server.route((req, res) => json(res, 404, { message: "Process not found" }, { "content-type": "application/json", "x-request-id": "req-test-1" }));
    const error = await rejectionOf(client(base).processesV3.getProcess({ processId: "p-1" }), NotFoundError);
    expect(error.message).toContain("Process not found");
    expect(error.message).not.toContain("[REDACTED]");
    expect(error.body).toEqual({ message: "Process not found" });
    expect(Object.keys(error.headers)).toContain("content-type");
    expect(error.headers["x-request-id"]).toBe("req-test-1");
    expect(error.requestId).toBe("req-test-1");
  });

  it("still replaces it where it stands whole: a header value, a JSON string, after Bearer", async () => {
    const base = server.route((req, res) =>
      json(res, 500, { message: `got ${String(req.headers.authorization)}`, token: "t", note: "a text with t in it" }, { "x-echo-token": "t" }),
    );
    const error = await rejectionOf(client(base).processesV3.getProcess({ processId: "p-1" }), ServerError);
    expect(error.headers["x-echo-token"]).toBe("[REDACTED]");
    expect(error.body).toEqual({ message: "got Bearer [REDACTED]", token: "[REDACTED]", note: "a text with t in it" });
    expect(error.message).toContain("got Bearer [REDACTED]");
  });

  it("never redacts a header name, even one spelt like the token", async () => {
    const base = server.route((req, res) => json(res, 500, { message: "no" }, { etag: '"v1"' }));
    const error = await rejectionOf(faultClient(base, { token: "etag", maxRetries: 0 }).processesV3.getProcess({ processId: "p-1" }), ServerError);
    expect(error.headers.etag).toBe('"v1"');
  });
});

describe("redaction with a realistic token", () => {
  const TOKEN = "realistic-token-8c1d2e";

  it("replaces it everywhere, inside words and values too, but never in header names", async () => {
    const base = server.route((req, res) => json(res, 500, { message: `prefix${TOKEN}suffix` }, { "x-echo": `v=${TOKEN};` }));
    const error = await rejectionOf(faultClient(base, { token: TOKEN, maxRetries: 0 }).processesV3.getProcess({ processId: "p-1" }), ServerError);
    for (const text of renderings(error)) expect(text).not.toContain(TOKEN);
    expect(error.message).toContain("prefix[REDACTED]suffix");
    expect(error.headers["x-echo"]).toBe("v=[REDACTED];");
    expect(Object.keys(error.headers)).toContain("content-type");
  });

  it("takes it out of the URL too", async () => {
    const base = server.route((req, res) => json(res, 500, { message: "no" }));
    const error = await rejectionOf(faultClient(base, { token: TOKEN, maxRetries: 0 }).processesV3.getProcess({ processId: TOKEN }), ServerError);
    for (const text of [...renderings(error), error.url]) expect(text).not.toContain(TOKEN);
  });
});
