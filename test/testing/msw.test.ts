// With no `fetch` option the client reads globalThis.fetch per request, so MSW's setupServer,
// installed after a module-scope client was created, sees every call (and none reaches the
// real Hathora API: unhandled requests are errors here).
import { http, HttpResponse } from "msw";
import { setupServer } from "msw/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hathora } from "./module-scope-client.js";

const seen: string[] = [];
const server = setupServer(
  http.get("https://api.hathora.dev/processes/v3/apps/:appId/processes/latest", ({ request, params }) => {
    seen.push(`${request.method} ${String(params.appId)} ${request.headers.get("authorization")}`);
    return HttpResponse.json([]);
  }),
  http.post("https://api.hathora.dev/processes/v3/apps/:appId/processes/:processId/stop", ({ params }) => {
    seen.push(`POST stop ${String(params.processId)}`);
    return new HttpResponse(null, { status: 204 });
  }),
);

beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterAll(() => server.close());

describe("MSW and a client created at module scope", () => {
  it("intercepts every call made after setupServer started listening", async () => {
    expect(await hathora.processesV3.getLatestProcesses()).toEqual([]);
    await hathora.processesV3.stopProcess({ processId: "p-1" });
    expect(seen).toEqual(["GET app-module-scope Bearer module-scope-token", "POST stop p-1"]);
  });

  it("sees handlers swapped in later too (the lookup is per request)", async () => {
    server.resetHandlers(http.get("https://api.hathora.dev/processes/v3/apps/:appId/processes/count", () => HttpResponse.json({ count: 7 })));
    expect(await hathora.processesV3.getProcessesCountExperimental()).toEqual({ count: 7 });
  });
});
