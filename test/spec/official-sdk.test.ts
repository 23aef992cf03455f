// Hathora's official SDK (2.25.6, Speakeasy-generated, validating every response with zod)
// accepts every response of a Prism mock of our spec, examples and random data alike. Our spec
// must not promise anything the real API's own client would reject.
import { HathoraCloud } from "@hathora/cloud-sdk-typescript";
import { describe, expect, inject, it } from "vitest";

const ROUNDS = 5;

describe.each([
  ["examples", () => inject("prismUrl")],
  ["random data (-d)", () => inject("prismDynamicUrl")],
])("the official SDK against Prism serving %s", (_, baseUrl) => {
  const sdk = () => new HathoraCloud({ hathoraDevToken: "sdk-token", appId: "app-1", serverURL: baseUrl(), retryConfig: { strategy: "none" } });

  it("accepts every v3 response", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const v3 = sdk().processesV3;
      const created = await v3.createProcess("Tokyo");
      expect(created.processId).toBeTypeOf("string");
      expect((await v3.getProcess("p-1")).processId).toBeTypeOf("string");
      expect(Array.isArray(await v3.getLatestProcesses(undefined, ["running"], ["Tokyo"]))).toBe(true);
      expect((await v3.getProcessesCountExperimental()).count).toBeTypeOf("number");
      expect(await v3.getProcessMetrics({ processId: "p-1", metrics: ["cpu"], start: 1732320000, end: 1732323600, step: 60 })).toBeTypeOf("object");
      await expect(v3.stopProcess("p-1")).resolves.toBeUndefined();
    }
  });

  it("accepts every v2 response", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const v2 = sdk().processesV2;
      expect((await v2.createProcessV2Deprecated("Tokyo")).deploymentId).toBeTypeOf("number");
      expect((await v2.getProcessInfoV2Deprecated("p-1")).processId).toBeTypeOf("string");
      expect(Array.isArray(await v2.getLatestProcessesV2Deprecated())).toBe(true);
      expect((await v2.getProcessesCountExperimentalV2Deprecated()).count).toBeTypeOf("number");
      await expect(v2.stopProcessV2Deprecated("p-1")).resolves.toBeUndefined();
    }
  });
});
