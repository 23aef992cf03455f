// The caller's signal: it stops a request and any wait at once, with the platform's AbortError,
// and no further attempt starts.
import { describe, expect, it } from "vitest";
import { isHathoraError } from "../../src/index.js";
import { json, useFaultServer } from "../helpers/fault-server.js";
import { faultClient, rejectionOf } from "../helpers/fixtures.js";

const server = useFaultServer();

function expectAbortError(error: unknown): void {
  expect(error).toBeInstanceOf(DOMException);
  expect((error as DOMException).name).toBe("AbortError");
  expect(isHathoraError(error)).toBe(false);
}

// "At once" on a loaded 2-core CI box: well under what ignoring the abort would take (a 60 s
// time limit, a 30 s Retry-After, the 30 s default limit), with room for a slow machine.
const AT_ONCE_MS = 10_000;

describe("cancellation", () => {
  it("an already-aborted signal rejects before anything is sent", async () => {
    const base = server.route((_, res) => json(res, 200, {}));
    const error = await rejectionOf(faultClient(base).processesV3.getProcess({ processId: "p", signal: AbortSignal.abort() }));
    expectAbortError(error);
    expect(server.seen(base)).toHaveLength(0);
  });

  it("aborting while the request waits for headers rejects at once, and nothing is retried", async () => {
    const base = server.route(() => {});
    const controller = new AbortController();
    const call = rejectionOf(faultClient(base, { timeoutMs: 60_000 }).processesV3.getProcess({ processId: "p", signal: controller.signal }));
    // Abort once the server holds the request (a fixed delay can fire before it arrives on a
    // loaded machine, and then nothing was sent at all).
    while (server.seen(base).length === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    const started = Date.now();
    controller.abort();
    const error = await call;
    expectAbortError(error);
    expect(Date.now() - started).toBeLessThan(AT_ONCE_MS);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(server.seen(base)).toHaveLength(1);
  });

  it("aborting during a Retry-After wait ends the wait at once", async () => {
    const base = server.route((_, res) => json(res, 503, { message: "later" }, { "retry-after": "30" }));
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 150);
    const started = Date.now();
    const error = await rejectionOf(faultClient(base).processesV3.getProcess({ processId: "p", signal: controller.signal }));
    expectAbortError(error);
    expect(Date.now() - started).toBeLessThan(AT_ONCE_MS);
    expect(server.seen(base)).toHaveLength(1);
  });

  it("aborting while the body drips in rejects at once", async () => {
    const base = server.route((_, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      const timer = setInterval(() => res.write(" "), 20);
      res.on("close", () => clearInterval(timer));
    });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const started = Date.now();
    expectAbortError(await rejectionOf(faultClient(base).processesV3.getProcess({ processId: "p", signal: controller.signal })));
    expect(Date.now() - started).toBeLessThan(AT_ONCE_MS);
  });

  it("the caller's own abort reason is passed through as it is", async () => {
    const base = server.route(() => {});
    const reason = new Error("player left");
    const controller = new AbortController();
    setTimeout(() => controller.abort(reason), 50);
    expect(await rejectionOf(faultClient(base).processesV3.getProcess({ processId: "p", signal: controller.signal }))).toBe(reason);
  });
});
