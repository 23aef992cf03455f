// Every (deprecated) v2 operation through the wrappers against Prism serving openapi.yaml's examples.
import { describe, expect, inject, it } from "vitest";
import { createHathoraClient } from "../../src/index.js";
import { responseExample, schemaExample } from "../helpers/examples.js";
import { declaredErrorSuite } from "../helpers/spec-operations.js";

const APP = "app-af469a92-5b45-4565-b3c4-b79878de67d2";
const PROCESS = "cbfcddd2-0006-43ae-996c-995fff7bed2e";
const client = () => createHathoraClient({ token: "test-token", appId: APP, baseUrl: inject("prismUrl"), maxRetries: 0 });

describe("processesV2 against Prism", () => {
  it("getProcessInfo returns the spec's ProcessV2 example, with an integer deploymentId", async () => {
    const process = await client().processesV2.getProcessInfo({ processId: PROCESS });
    expect(process).toEqual(schemaExample("ProcessV2"));
    expect(process.deploymentId).toBe(1);
  });

  it("getLatestProcesses returns an array of ProcessV2", async () => {
    await expect(client().processesV2.getLatestProcesses({ status: ["stopped"], region: ["Frankfurt", "Dubai"] })).resolves.toEqual([
      schemaExample("ProcessV2"),
    ]);
  });

  it("getProcessesCountExperimental returns { count }", async () => {
    await expect(client().processesV2.getProcessesCountExperimental()).resolves.toEqual({ count: 3 });
  });

  it("createProcess returns the new, starting process (201)", async () => {
    const process = await client().processesV2.createProcess({ region: "Mumbai" });
    expect(process).toEqual(responseExample("/processes/v2/{appId}/create/{region}", "post", "201"));
  });

  it("stopProcess resolves to undefined on 204", async () => {
    await expect(client().processesV2.stopProcess({ processId: PROCESS })).resolves.toBeUndefined();
  });
});

describe("processesV2 declared errors, forced with Prism's Prefer header", () => {
  const v2 = () => client().processesV2;
  declaredErrorSuite(
    "ProcessesV2",
    {
      GetProcessInfoV2Deprecated: (headers) => v2().getProcessInfo({ processId: PROCESS, headers }),
      GetLatestProcessesV2Deprecated: (headers) => v2().getLatestProcesses({ headers }),
      GetProcessesCountExperimentalV2Deprecated: (headers) => v2().getProcessesCountExperimental({ headers }),
      StopProcessV2Deprecated: (headers) => v2().stopProcess({ processId: PROCESS, headers }),
      CreateProcessV2Deprecated: (headers) => v2().createProcess({ region: "Chicago", headers }),
    },
    () => inject("prismUrl"),
  );
});
