// A long URL (500 status filters, near the 8 kB the client sends at most) or a huge server
// message makes a huge error: the message stays a few kB, the whole URL stays on `error.url`.
import { describe, expect, it } from "vitest";
import { ApiError, ServerError } from "../../src/index.js";
import { json, useFaultServer } from "../helpers/fault-server.js";
import { faultClient, rejectionOf } from "../helpers/fixtures.js";

const server = useFaultServer();
const FEW_KB = 5_000;

describe("error message size", () => {
  it("a 431 to a 7.6 kB URL: message of a few kB, full URL on error.url", async () => {
    const base = server.route((req, res) => json(res, 431, { message: `Request Header Fields Too Large: ${req.url ?? ""}` }));
    const status = Array.from({ length: 500 }, () => "running");
    const error = await rejectionOf(faultClient(base, { maxRetries: 0 }).processesV3.getLatestProcesses({ status }), ApiError);
    expect(error.status).toBe(431);
    expect(error.url.length).toBeGreaterThan(7_000);
    expect(error.url.split("status=running")).toHaveLength(501);
    expect(error.message.length).toBeLessThan(FEW_KB);
    expect(error.message).toContain("see error.url");
    expect((error.stack ?? "").length).toBeLessThan(FEW_KB + 2_000);
  });

  it("a server message of 1 MB is cut in the message", async () => {
    const base = server.route((req, res) => json(res, 500, { message: "x".repeat(1_000_000) }));
    const error = await rejectionOf(faultClient(base, { maxRetries: 0 }).processesV3.getProcess({ processId: "p" }), ServerError);
    expect(error.message.length).toBeLessThan(FEW_KB);
    expect(error.message).toContain("message cut from");
  });
});
