// The error classes themselves: one base, literal names, the guard, messages and JSON.
import { describe, expect, inject, it } from "vitest";
import {
  ApiError,
  ConfigError,
  ConnectionError,
  ConnectionTimeoutError,
  createHathoraClient,
  HathoraError,
  isHathoraError,
  NotFoundError,
  PaymentRequiredError,
  RateLimitError,
  RequestTimeoutError,
  ResponseError,
  ServerError,
  UnauthorizedError,
  UnprocessableEntityError,
} from "../../src/index.js";
import { createApiError } from "../../src/wrappers/errors/api-error.js";
import { rejectionOf } from "../helpers/fixtures.js";

const init = (status: number) => ({
  status,
  statusText: "",
  body: { message: "m" },
  headers: {},
  operationId: "GetProcess",
  method: "GET",
  url: "https://api.hathora.dev/processes/v3/apps/a/processes/p",
  attempts: 1,
  retryAfterMs: undefined,
});

describe("createApiError maps each status to its class", () => {
  it.each([
    [401, "UnauthorizedError", UnauthorizedError],
    [402, "PaymentRequiredError", PaymentRequiredError],
    [404, "NotFoundError", NotFoundError],
    [408, "RequestTimeoutError", RequestTimeoutError],
    [422, "UnprocessableEntityError", UnprocessableEntityError],
    [429, "RateLimitError", RateLimitError],
    [500, "ServerError", ServerError],
    [503, "ServerError", ServerError],
    [599, "ServerError", ServerError],
    [400, "ApiError", ApiError],
    [409, "ApiError", ApiError],
  ] as const)("%i -> %s", (status, name, ErrorClass) => {
    const error = createApiError(init(status));
    expect(error.constructor).toBe(ErrorClass);
    expect(error.name).toBe(name);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toBeInstanceOf(HathoraError);
    expect(error.stack?.startsWith(`${name}: ${status}: GET /processes/v3/apps/a/processes/p: m`)).toBe(true);
  });
});

describe("every class has a literal name and the common base", () => {
  it.each([
    ["ConfigError", new ConfigError("x")],
    ["ConnectionTimeoutError", new ConnectionTimeoutError({ operationId: "GetProcess", method: "GET", url: "http://h/", attempts: 1, timeoutMs: 1 })],
    [
      "ConnectionError",
      new ConnectionError({ operationId: "o", method: "GET", url: "http://h/", attempts: 1, code: undefined, mayHaveReachedServer: true, cause: new Error("c") }),
    ],
    ["ResponseError", new ResponseError({ operationId: "o", method: "GET", url: "http://h/", attempts: 1, problem: "x", status: 200, headers: {}, body: "" })],
  ])("%s", (name, error) => {
    expect(error.name).toBe(name);
    expect(error).toBeInstanceOf(HathoraError);
    expect(isHathoraError(error)).toBe(true);
  });
});

describe("isHathoraError", () => {
  it("is false for other errors and non-errors", () => {
    expect(isHathoraError(new Error("x"))).toBe(false);
    expect(isHathoraError(new DOMException("aborted", "AbortError"))).toBe(false);
    expect(isHathoraError(null)).toBe(false);
    expect(isHathoraError("HathoraError")).toBe(false);
    expect(isHathoraError({ name: "HathoraError" })).toBe(false);
  });

  it("holds for an error from another copy of the package, where instanceof fails", async () => {
    // A query string makes the module load again, as a second copy in node_modules would.
    const secondCopy = "../../src/wrappers/errors/hathora-error.js?second-copy";
    const copy = (await import(secondCopy)) as typeof import("../../src/wrappers/errors/hathora-error.js");
    const foreign = new copy.HathoraError("from the other copy");
    expect(foreign instanceof HathoraError).toBe(false);
    expect(isHathoraError(foreign)).toBe(true);
  });
});

describe("messages and JSON", () => {
  it("read like `404 Not Found: GET /path: server message`", async () => {
    const client = createHathoraClient({ token: "a-realistic-token", appId: "app-1", baseUrl: inject("prismUrl") });
    const error = await rejectionOf(client.processesV3.getProcess({ processId: "p-1", headers: { Prefer: "code=404" } }), NotFoundError);
    expect(error.message).toBe("404 Not Found: GET /processes/v3/apps/app-1/processes/p-1: Process not found");
  });

  it("JSON.stringify gives name, message and fields for structured logs", () => {
    const error = createApiError({ ...init(404), body: { message: "Process not found" }, headers: { "x-request-id": "r-1" } });
    expect(JSON.parse(JSON.stringify(error))).toEqual({
      name: "NotFoundError",
      message: "404: GET /processes/v3/apps/a/processes/p: Process not found",
      status: 404,
      body: { message: "Process not found" },
      headers: { "x-request-id": "r-1" },
      operationId: "GetProcess",
      method: "GET",
      url: "https://api.hathora.dev/processes/v3/apps/a/processes/p",
      attempts: 1,
      requestId: "r-1",
    });
  });
});
