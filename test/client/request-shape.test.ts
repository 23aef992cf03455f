// The exact requests the wrappers send, seen through an injected recording fetch that then
// forwards each request to Prism (which also validates it against openapi.yaml).
import { describe, expect, inject, it } from "vitest";
import { createHathoraClient, createRawClient } from "../../src/index.js";
import { recordingFetch } from "../helpers/recording-fetch.js";

function setup(options: { appId?: string } = {}) {
  const recorder = recordingFetch();
  const client = createHathoraClient({ token: "shape-token", baseUrl: inject("prismUrl"), fetch: recorder.fetch, maxRetries: 0, ...options });
  return { client, requests: recorder.requests };
}

describe("request shape", () => {
  it("GET with the method, path and Authorization header the spec gives", async () => {
    const { client, requests } = setup({ appId: "app-default" });
    await client.processesV3.getProcess({ processId: "p-1" });
    expect(requests).toHaveLength(1);
    const [request] = requests;
    expect(request?.method).toBe("GET");
    expect(request?.url.pathname).toBe("/processes/v3/apps/app-default/processes/p-1");
    expect(request?.url.search).toBe("");
    expect(request?.headers.get("authorization")).toBe("Bearer shape-token");
    expect(request?.headers.get("user-agent")).toMatch(/^hathora-processes\/\d+\.\d+\.\d+/);
    expect(request?.headers.get("content-type")).toBeNull();
  });

  it("percent-encodes path parameters", async () => {
    const { client, requests } = setup();
    await client.processesV3.getProcess({ appId: "app/x", processId: "a/b c" });
    expect(requests[0]?.url.pathname).toBe("/processes/v3/apps/app%2Fx/processes/a%2Fb%20c");
  });

  it("repeats query keys for arrays (form, explode) and sends numbers as given", async () => {
    const { client, requests } = setup({ appId: "app-1" });
    await client.processesV3.getLatestProcesses({ status: ["running", "stopped"], region: ["Tokyo", "Sao_Paulo"], before: 1732320000.5 });
    const url = requests[0]?.url;
    expect(url?.pathname).toBe("/processes/v3/apps/app-1/processes/latest");
    expect(url?.search).toBe("?status=running&status=stopped&region=Tokyo&region=Sao_Paulo&before=1732320000.5");
  });

  it("leaves out empty arrays and unset values", async () => {
    const { client, requests } = setup({ appId: "app-1" });
    await client.processesV3.getProcessesCountExperimental({ status: [], region: [] });
    await client.processesV2.getLatestProcesses({ status: [] });
    expect(requests.map((request) => request.url.search)).toEqual(["", ""]);
  });

  it("sends metrics, start, end and step on the metrics path with its /process/ segment", async () => {
    const { client, requests } = setup({ appId: "app-1" });
    await client.processesV3.getProcessMetrics({ processId: "p-1", metrics: ["cpu", "gpuUtilization"], start: 100, end: 200, step: 30 });
    const url = requests[0]?.url;
    expect(url?.pathname).toBe("/processes/v3/apps/app-1/processes/process/p-1/metrics");
    expect(url?.search).toBe("?metrics=cpu&metrics=gpuUtilization&start=100&end=200&step=30");
  });

  it("creates with POST, the region in the path, and no body", async () => {
    const { client, requests } = setup({ appId: "app-1" });
    await client.processesV3.createProcess({ region: "Washington_DC" });
    await client.processesV2.createProcess({ region: "Los_Angeles" });
    expect(requests.map((request) => `${request.method} ${request.url.pathname}`)).toEqual([
      "POST /processes/v3/apps/app-1/processes/regions/Washington_DC",
      "POST /processes/v2/app-1/create/Los_Angeles",
    ]);
    expect(requests[0]?.headers.get("content-length") ?? "0").toBe("0");
  });

  it("stops with POST on each version's path", async () => {
    const { client, requests } = setup({ appId: "app-1" });
    await client.processesV3.stopProcess({ processId: "p-1" });
    await client.processesV2.stopProcess({ processId: "p-1" });
    expect(requests.map((request) => `${request.method} ${request.url.pathname}`)).toEqual([
      "POST /processes/v3/apps/app-1/processes/p-1/stop",
      "POST /processes/v2/app-1/stop/p-1",
    ]);
  });

  it("uses the client's appId by default and a call's appId over it", async () => {
    const { client, requests } = setup({ appId: "app-default" });
    await client.processesV2.getProcessInfo({ processId: "p-1" });
    await client.processesV2.getProcessInfo({ processId: "p-1", appId: "app-call" });
    expect(requests.map((request) => request.url.pathname)).toEqual([
      "/processes/v2/app-default/info/p-1",
      "/processes/v2/app-call/info/p-1",
    ]);
  });

  it("merges client headers, call headers and a custom User-Agent, and sends the token", async () => {
    const recorder = recordingFetch();
    const client = createHathoraClient({
      token: "shape-token",
      appId: "app-1",
      baseUrl: inject("prismUrl"),
      fetch: recorder.fetch,
      headers: { "X-Client": "client", "X-Both": "client" },
      userAgent: "my-game-backend/2.0",
    });
    await client.processesV3.getProcess({ processId: "p-1", headers: { "X-Both": "call" } });
    const headers = recorder.requests[0]?.headers;
    expect(headers?.get("x-client")).toBe("client");
    expect(headers?.get("x-both")).toBe("call");
    expect(headers?.get("user-agent")).toBe("my-game-backend/2.0");
    expect(headers?.get("authorization")).toBe("Bearer shape-token");
  });

  it("a User-Agent given in headers replaces ours, whatever its case", async () => {
    const recorder = recordingFetch();
    const client = createHathoraClient({ token: "t", appId: "app-1", baseUrl: inject("prismUrl"), fetch: recorder.fetch, headers: { "User-Agent": "mine/1" } });
    await client.processesV3.getProcess({ processId: "p-1" });
    expect(recorder.requests[0]?.headers.get("user-agent")).toBe("mine/1");
  });

  it("asks a token function before every request, so a rotated token is used", async () => {
    const recorder = recordingFetch();
    let version = 0;
    const client = createHathoraClient({ token: async () => `token-${++version}`, appId: "app-1", baseUrl: inject("prismUrl"), fetch: recorder.fetch });
    await client.processesV3.getProcess({ processId: "p-1" });
    await client.processesV3.getProcess({ processId: "p-1" });
    expect(recorder.requests.map((request) => request.headers.get("authorization"))).toEqual(["Bearer token-1", "Bearer token-2"]);
  });

  it("the raw openapi-fetch client carries the base URL and the token", async () => {
    const recorder = recordingFetch();
    const raw = createRawClient({ token: "shape-token", baseUrl: inject("prismUrl"), fetch: recorder.fetch });
    const requests = recorder.requests;
    const { data, response } = await raw.GET("/processes/v3/apps/{appId}/processes/count", {
      params: { path: { appId: "app-raw" }, query: { status: ["running"] } },
    });
    expect(response.status).toBe(200);
    expect(data).toEqual({ count: 3 });
    expect(requests[0]?.url.pathname).toBe("/processes/v3/apps/app-raw/processes/count");
    expect(requests[0]?.headers.get("authorization")).toBe("Bearer shape-token");
  });
});
