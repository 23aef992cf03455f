// The classified spec diff (scripts/spec-diff/): each edit a maintainer might make to
// openapi.yaml, made on a copy, with the verdict a client of the old spec would give it.
import { execFile, execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { diffSpecs, isBreaking, type SpecChange } from "../../scripts/spec-diff/diff-specs.js";
import { renderChanges } from "../../scripts/spec-diff/render.js";

const repo = fileURLToPath(new URL("../..", import.meta.url));
const tsx = join(repo, "node_modules/tsx/dist/cli.mjs");
// The spec of release 0.1.0 (closed enums, a NullableExposedPort component), kept as a fixture
// so that these cases stay the same whatever openapi.yaml becomes.
const FIXTURE = join(repo, "test/fixtures/openapi-0.1.0.yaml");
const original = () => parse(readFileSync(FIXTURE, "utf8")) as Record<string, any>;
const V3 = "/processes/v3/apps/{appId}/processes";

function changesAfter(edit: (spec: Record<string, any>) => void): SpecChange[] {
  const spec = original();
  edit(spec);
  return diffSpecs(original(), spec);
}

const dropRequired = (spec: Record<string, any>) => {
  const required: string[] = spec.components.schemas.ProcessV3.required;
  required.splice(required.indexOf("bootedAt"), 1);
};
const addOptionalField = (spec: Record<string, any>) => {
  spec.components.schemas.ProcessV3.properties.region2 = { type: "string", description: "A second region." };
};

describe("spec diff classification", () => {
  it("finds no change between the spec and itself", () => {
    expect(diffSpecs(original(), original())).toEqual([]);
  });

  it("a required response field dropped is breaking, reported once under its schema", () => {
    const changes = changesAfter(dropRequired);
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ classification: "breaking", group: "schema", name: "ProcessV3" });
    expect(changes[0]!.sentence).toBe("`bootedAt` is no longer required, so it may be left out.");
    expect(changes[0]!.usedBy).toEqual(expect.arrayContaining(["GetProcess (response)", "GetLatestProcesses (response)", "CreateProcess (response)"]));
  });

  it("a required query parameter added is breaking, under the operation", () => {
    const changes = changesAfter((spec) => {
      spec.paths[`${V3}/{processId}`].get.parameters.push({ name: "verbose", in: "query", required: true, schema: { type: "boolean" } });
    });
    expect(changes).toEqual([
      expect.objectContaining({ classification: "breaking", group: "operation", name: "GetProcess", sentence: "new required query parameter `verbose`; calls that do not send it are refused." }),
    ]);
  });

  it("an optional query parameter added is not breaking", () => {
    const changes = changesAfter((spec) => {
      spec.paths[`${V3}/{processId}`].get.parameters.push({ name: "verbose", in: "query", required: false, schema: { type: "boolean" } });
    });
    expect(changes).toEqual([expect.objectContaining({ classification: "non-breaking", name: "GetProcess", sentence: "new optional query parameter `verbose`." })]);
  });

  it("an operation removed is breaking: `StopProcess: removed`", () => {
    const changes = changesAfter((spec) => {
      delete spec.paths[`${V3}/{processId}/stop`];
    });
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ classification: "breaking", group: "operation", name: "StopProcess" });
    expect(changes[0]!.sentence).toMatch(/^removed \(it was POST \/processes\/v3\/apps\/\{appId\}\/processes\/\{processId\}\/stop\)/);
  });

  it("a response field's type changed is breaking (api-smart-diff alone calls it non-breaking)", () => {
    const changes = changesAfter((spec) => {
      spec.components.schemas.ProcessV3.properties.roomsAllocated.type = "string";
    });
    expect(changes).toEqual([
      expect.objectContaining({ classification: "breaking", name: "ProcessV3", sentence: "`roomsAllocated` changed type from `integer` to `string`." }),
    ]);
  });

  it("an optional response field added is not breaking", () => {
    const changes = changesAfter(addOptionalField);
    expect(changes).toEqual([expect.objectContaining({ classification: "non-breaking", name: "ProcessV3", sentence: "new property `region2`." })]);
    expect(isBreaking(changes)).toBe(false);
  });

  it("a description reworded is documentation only", () => {
    const changes = changesAfter((spec) => {
      spec.components.schemas.ProcessV3.properties.roomsAllocated.description = "How many rooms the process holds now.";
    });
    expect(changes).toEqual([expect.objectContaining({ classification: "documentation", name: "ProcessV3", sentence: "description of `roomsAllocated` reworded." })]);
    expect(isBreaking(changes)).toBe(false);
  });

  it("an enum value removed is breaking for the requests that may send it", () => {
    const changes = changesAfter((spec) => {
      spec.components.schemas.Region.enum = spec.components.schemas.Region.enum.filter((region: string) => region !== "Dubai");
    });
    expect(changes).toEqual([expect.objectContaining({ classification: "breaking", name: "Region" })]);
    expect(changes[0]!.sentence).toBe("value `Dubai` removed; requests that send it may be refused.");
    expect(changes[0]!.usedBy).toContain("CreateProcess (request)");
  });

  it("a value added to an open enum (x-extensible-enum) is not breaking; removed from a request value, it is", () => {
    const open = (spec: Record<string, any>) => {
      spec.components.schemas.Region["x-extensible-enum"] = [...spec.components.schemas.Region.enum];
      delete spec.components.schemas.Region.enum;
    };
    const base = original();
    open(base);
    const added = structuredClone(base);
    added.components.schemas.Region["x-extensible-enum"].push("Paris");
    expect(diffSpecs(base, added)).toEqual([expect.objectContaining({ classification: "non-breaking", name: "Region", sentence: "value `Paris` added (an open list: other values may still appear)." })]);
    const removed = structuredClone(base);
    removed.components.schemas.Region["x-extensible-enum"].pop();
    expect(diffSpecs(base, removed)).toEqual([expect.objectContaining({ classification: "breaking", name: "Region" })]);
  });

  it("any other extension is documentation only, and says what changed", () => {
    const changes = changesAfter((spec) => {
      spec.components.schemas.ProcessV3.properties.deploymentId["x-inferred"] = "Our reading of Hathora's SDK.";
      spec.paths[`${V3}/{processId}/stop`].post["x-idempotent"] = false;
    });
    expect(changes.map((change) => [change.classification, change.name])).toEqual([
      ["documentation", "StopProcess"],
      ["documentation", "ProcessV3"],
    ]);
    expect(changes[0]!.sentence).toMatch(/^`x-idempotent` is now `false`: clients may no longer retry it/);
    expect(changes[1]!.sentence).toBe("extension `x-inferred` of `deploymentId` added (`Our reading of Hathora's SDK.`).");
  });

  it("renders a changelog-ready report grouped by classification, operations before schemas", () => {
    const spec = original();
    delete spec.paths[`${V3}/{processId}/stop`];
    dropRequired(spec);
    addOptionalField(spec);
    const report = renderChanges(diffSpecs(original(), spec), "base -> head");
    expect(report).toContain("3 changes: 2 breaking, 1 non-breaking, 0 documentation only.");
    expect(report.indexOf("### Breaking")).toBeLessThan(report.indexOf("- StopProcess: removed"));
    expect(report.indexOf("- StopProcess: removed")).toBeLessThan(report.indexOf("- ProcessV3: `bootedAt` is no longer required"));
    expect(report.indexOf("### Non-breaking")).toBeLessThan(report.indexOf("- ProcessV3: new property `region2` (in responses of"));
  });
});

describe("npm run spec:diff", () => {
  const exec = promisify(execFile);
  let work: string;
  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), "hathora-spec-diff-"));
    const git = (...args: string[]) => execFileSync("git", ["-c", "user.name=test", "-c", "user.email=test@localhost", ...args], { cwd: work });
    git("init", "-q");
    writeFileSync(join(work, "openapi.yaml"), readFileSync(FIXTURE));
    git("add", "openapi.yaml");
    git("commit", "-qm", "base");
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  async function specDiff(...args: string[]): Promise<{ code: number; out: string }> {
    try {
      const { stdout } = await exec(process.execPath, [tsx, join(repo, "scripts/spec-diff/cli.ts"), ...args], { cwd: work });
      return { code: 0, out: stdout };
    } catch (error) {
      const failed = error as { code: number; stdout: string; stderr: string };
      return { code: failed.code, out: failed.stdout + failed.stderr };
    }
  }

  it("exits 1 on a breaking change against a git ref, 0 on a non-breaking one against a file", async () => {
    const spec = original();
    delete spec.paths[`${V3}/{processId}/stop`];
    writeFileSync(join(work, "openapi.yaml"), stringify(spec));
    const breaking = await specDiff("HEAD");
    expect(breaking.out).toContain("HEAD:openapi.yaml (0.1.0) -> openapi.yaml (0.1.0)");
    expect(breaking.out).toContain("- StopProcess: removed");
    expect(breaking.code).toBe(1);

    const nonBreaking = original();
    addOptionalField(nonBreaking);
    writeFileSync(join(work, "openapi.yaml"), stringify(nonBreaking));
    writeFileSync(join(work, "base.yaml"), readFileSync(FIXTURE));
    const safe = await specDiff("base.yaml");
    expect(safe.out).toContain("1 changes: 0 breaking, 1 non-breaking, 0 documentation only.");
    expect(safe.code).toBe(0);
  });

  it("exits 2 with a message when the base is neither a file nor a git object", async () => {
    const result = await specDiff("no-such-ref");
    expect(result.code).toBe(2);
    expect(result.out).toContain("no-such-ref is neither a file nor a git object");
  });
});

describe("corrections on top of api-smart-diff", () => {
  it("a required field dropped from a body behind `$ref: components/responses` is breaking (api-smart-diff uses request rules there)", () => {
    const changes = changesAfter((spec) => {
      spec.components.schemas.ProcessCount.required = [];
    });
    expect(changes).toEqual([expect.objectContaining({ classification: "breaking", name: "ProcessCount", sentence: "`count` is no longer required, so it may be left out." })]);
  });

  it("`$ref: NullableX` rewritten as `allOf: [$ref: X]` + `nullable: true` is no structural change", () => {
    const changes = changesAfter((spec) => {
      for (const name of ["ProcessV2", "ProcessV3"]) {
        spec.components.schemas[name].properties.exposedPort = { allOf: [{ $ref: "#/components/schemas/ExposedPort" }], nullable: true, description: "The main port, or null." };
      }
      delete spec.components.schemas.NullableExposedPort;
    });
    // Only the component itself is gone (generated clients lose the type name); no field changes.
    expect(changes.filter((change) => change.classification !== "documentation")).toEqual([
      expect.objectContaining({ classification: "breaking", name: "NullableExposedPort", sentence: "schema removed; clients generated from the spec lose the type." }),
    ]);
  });

  it("a closed enum replaced by x-extensible-enum is one change per schema: breaking where responses carry it", () => {
    const changes = changesAfter((spec) => {
      for (const name of ["Region", "ProcessMetricName"]) {
        spec.components.schemas[name]["x-extensible-enum"] = spec.components.schemas[name].enum;
        delete spec.components.schemas[name].enum;
      }
    });
    const verdicts = changes.filter((change) => change.classification !== "documentation").map((change) => [change.name, change.classification, change.sentence]);
    expect(verdicts).toEqual([
      ["ProcessMetricName", "non-breaking", "no longer restricted to a closed list of values."],
      ["Region", "breaking", "no longer restricted to a closed list of values; responses may carry values outside the old list, which a client that checks it may reject."],
    ]);
  });

  it("a format added to a response field is not breaking; int32 added to a request value is", () => {
    const changes = changesAfter((spec) => {
      spec.components.schemas.ProcessCount.properties.count.format = "double";
      const step = spec.paths[`${V3}/process/{processId}/metrics`].get.parameters.find((p: { name?: string }) => p.name === "step");
      step.schema.format = "int32";
    });
    expect(changes.map((change) => [change.name, change.classification])).toEqual([
      ["GetProcessMetrics", "breaking"],
      ["ProcessCount", "non-breaking"],
    ]);
  });
});
