// The same operations against Prism in dynamic mode (`-d`): random data generated from the
// schemas, with nulls, extra properties and every enum value, so passing does not rest on the
// examples. Each result is checked against its schema in openapi.yaml.
import { describe, expect, inject, it } from "vitest";
import { createHathoraClient, NotFoundError, ServerError } from "../../src/index.js";
import { openapi } from "../helpers/examples.js";
import { rejectionOf } from "../helpers/fixtures.js";
import { specValidator } from "../helpers/json-schema.js";

// Prism adds properties the schemas do not list, so objects stay open here.
const validator = specValidator(false);
function conforms(schemaName: string, value: unknown, asArray = false): void {
  const ref = validator.ref(schemaName);
  const errors = validator.check(asArray ? { type: "array", items: ref } : ref, value);
  expect(errors, JSON.stringify(errors)).toEqual([]);
}

const client = () => createHathoraClient({ token: "test-token", appId: "app-dynamic", baseUrl: inject("prismDynamicUrl"), maxRetries: 0 });
const ROUNDS = 5;

describe("against Prism generating random data from the schemas", () => {
  it("the schema check has teeth: it rejects a ProcessV3 without bootedAt", () => {
    const { bootedAt: _dropped, ...incomplete } = openapi.components.schemas.ProcessV3.example;
    const ref = validator.ref("ProcessV3");
    expect(validator.check(ref, openapi.components.schemas.ProcessV3.example)).toEqual([]);
    expect(validator.check(ref, incomplete)).not.toEqual([]);
    expect(validator.check(ref, { ...openapi.components.schemas.ProcessV3.example, exposedPort: "1.proxy:7" })).not.toEqual([]);
  });

  it("is random data, not the spec's example: two answers differ from each other and from it", async () => {
    const [first, second] = [await client().processesV3.getProcess({ processId: "p" }), await client().processesV3.getProcess({ processId: "p" })];
    expect(first.processId).not.toBe(openapi.components.schemas.ProcessV3.example.processId);
    expect(first).not.toEqual(second);
  });

  it("v3 getProcess results conform to ProcessV3", async () => {
    for (let round = 0; round < ROUNDS; round++) conforms("ProcessV3", await client().processesV3.getProcess({ processId: "p" }));
  });

  it("v3 getLatestProcesses results conform to ProcessV3[]", async () => {
    for (let round = 0; round < ROUNDS; round++) conforms("ProcessV3", await client().processesV3.getLatestProcesses(), true);
  });

  it("v3 createProcess results conform to ProcessV3", async () => {
    for (let round = 0; round < ROUNDS; round++) conforms("ProcessV3", await client().processesV3.createProcess({ region: "Dallas" }));
  });

  it("v3 count and metrics conform to their schemas", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      conforms("ProcessCount", await client().processesV3.getProcessesCountExperimental({ region: ["Sydney"] }));
      conforms("ProcessMetricsData", await client().processesV3.getProcessMetrics({ processId: "p", metrics: ["gpuMemory"] }));
    }
  });

  it("v3 stopProcess resolves to undefined", async () => {
    await expect(client().processesV3.stopProcess({ processId: "p" })).resolves.toBeUndefined();
  });

  it("v2 results conform to ProcessV2, ProcessV2[] and ProcessCount", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      conforms("ProcessV2", await client().processesV2.getProcessInfo({ processId: "p" }));
      conforms("ProcessV2", await client().processesV2.getLatestProcesses({ status: ["failed"] }), true);
      conforms("ProcessV2", await client().processesV2.createProcess({ region: "Johannesburg" }));
      conforms("ProcessCount", await client().processesV2.getProcessesCountExperimental());
    }
    await expect(client().processesV2.stopProcess({ processId: "p" })).resolves.toBeUndefined();
  });

  it("errors with random bodies still carry the server's message", async () => {
    const { body, message } = await rejectionOf(client().processesV3.getProcess({ processId: "p", headers: { Prefer: "code=404" } }), NotFoundError);
    conforms("ApiError", body);
    expect(message).toContain((body as { message: string }).message);

    const serverError = await client().processesV3.stopProcess({ processId: "p", headers: { Prefer: "code=500" } }).catch((e: unknown) => e);
    expect(serverError).toBeInstanceOf(ServerError);
  });
});
