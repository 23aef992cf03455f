// Every v3 operation through the wrappers against Prism serving openapi.yaml's examples.
import { describe, expect, inject, it } from "vitest";
import { createHathoraClient, UnauthorizedError } from "../../src/index.js";
import { rejectionOf } from "../helpers/fixtures.js";
import { responseExample, schemaExample } from "../helpers/examples.js";
import { declaredErrorSuite } from "../helpers/spec-operations.js";

const APP = "app-af469a92-5b45-4565-b3c4-b79878de67d2";
const PROCESS = "cbfcddd2-0006-43ae-996c-995fff7bed2e";
const client = () => createHathoraClient({ token: "test-token", appId: APP, baseUrl: inject("prismUrl"), maxRetries: 0 });

describe("processesV3 against Prism", () => {
  it("getProcess returns the spec's ProcessV3 example", async () => {
    const process = await client().processesV3.getProcess({ processId: PROCESS });
    expect(process).toEqual(schemaExample("ProcessV3"));
    expect(process.status).toBe("running");
  });

  it("getLatestProcesses returns an array of ProcessV3", async () => {
    const processes = await client().processesV3.getLatestProcesses({ status: ["running"], region: ["Seattle"], before: 1732320000 });
    expect(processes).toEqual([schemaExample("ProcessV3")]);
  });

  it("getLatestProcesses works with no options at all", async () => {
    await expect(client().processesV3.getLatestProcesses()).resolves.toHaveLength(1);
  });

  it("getProcessesCountExperimental returns { count }", async () => {
    await expect(client().processesV3.getProcessesCountExperimental({ status: ["running", "starting"] })).resolves.toEqual({ count: 3 });
  });

  it("createProcess returns the new, starting process (201)", async () => {
    const process = await client().processesV3.createProcess({ region: "Tokyo" });
    expect(process).toEqual(responseExample("/processes/v3/apps/{appId}/processes/regions/{region}", "post", "201"));
    expect(process.status).toBe("starting");
    expect(process.exposedPort).toBeNull();
  });

  it("stopProcess resolves to undefined on 204", async () => {
    await expect(client().processesV3.stopProcess({ processId: PROCESS })).resolves.toBeUndefined();
  });

  it("getProcessMetrics returns the metric series", async () => {
    const metrics = await client().processesV3.getProcessMetrics({ processId: PROCESS, metrics: ["cpu", "memory"], start: 1732320000, end: 1732323600, step: 60 });
    expect(metrics).toEqual(schemaExample("ProcessMetricsData"));
    expect(metrics.cpu?.[0]).toEqual({ value: 0.27, timestamp: 1732320000 });
  });
});

describe("processesV3 declared errors, forced with Prism's Prefer header", () => {
  const v3 = () => client().processesV3;
  declaredErrorSuite(
    "ProcessesV3",
    {
      GetProcess: (headers) => v3().getProcess({ processId: PROCESS, headers }),
      GetLatestProcesses: (headers) => v3().getLatestProcesses({ headers }),
      GetProcessesCountExperimental: (headers) => v3().getProcessesCountExperimental({ headers }),
      CreateProcess: (headers) => v3().createProcess({ region: "London", headers }),
      StopProcess: (headers) => v3().stopProcess({ processId: PROCESS, headers }),
      GetProcessMetrics: (headers) => v3().getProcessMetrics({ processId: PROCESS, headers }),
    },
    () => inject("prismUrl"),
  );

  it("Prism's own 401, for a request that arrives without a token, becomes UnauthorizedError", async () => {
    const withoutToken = createHathoraClient({
      token: "test-token",
      appId: APP,
      baseUrl: inject("prismUrl"),
      fetch: (request) => {
        const headers = new Headers(request.headers);
        headers.delete("authorization");
        return fetch(new Request(request, { headers }));
      },
    });
    const error = await rejectionOf(withoutToken.processesV3.getProcess({ processId: PROCESS }), UnauthorizedError);
    expect(error.status).toBe(401);
    expect(error.attempts).toBe(1);
  });
});
