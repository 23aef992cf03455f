// Every example in openapi.yaml matches its schema exactly (no property the schema lacks).
// Prism serves these examples, so a wrong one is a wrong mock. Redocly's own example rules
// cannot read `nullable` beside `allOf` (see redocly.yaml), so this test does their job.
import { describe, expect, it } from "vitest";
import { openapi } from "../helpers/examples.js";
import { rebase, specValidator } from "../helpers/json-schema.js";

const validator = specValidator(true);

interface Example {
  where: string;
  schema: unknown;
  example: unknown;
}

/** Every `example` beside a schema, and every media type's or parameter's example. */
function collect(node: unknown, where: string, found: Example[]): Example[] {
  if (typeof node !== "object" || node === null) return found;
  const record = node as Record<string, unknown>;
  if ("example" in record) {
    if ("schema" in record) found.push({ where, schema: record.schema, example: record.example });
    else if ("type" in record || "properties" in record || "allOf" in record) found.push({ where, schema: record, example: record.example });
  }
  for (const [key, value] of Object.entries(record)) {
    if (key !== "example") collect(value, `${where}/${key}`, found);
  }
  return found;
}

const examples = collect(openapi, "#", []);

describe("the examples in openapi.yaml", () => {
  it("are found in schemas, media types and parameters", () => {
    const kinds = new Set(examples.map(({ where }) => where.split("/")[1]));
    expect(kinds).toEqual(new Set(["paths", "components"]));
    expect(examples.length).toBeGreaterThan(30);
  });

  it.each(examples.map((example) => [example.where, example] as const))("%s matches its schema", (_, { schema, example }) => {
    const errors = validator.check(rebase(schema), example);
    expect(errors, JSON.stringify(errors)).toEqual([]);
  });

  it("the check fails for an extra property, a wrong type and a non-null exposedPort of the wrong shape", () => {
    const process = openapi.components.schemas.ProcessV3.example;
    const ref = validator.ref("ProcessV3");
    expect(validator.check(ref, process)).toEqual([]);
    expect(validator.check(ref, { ...process, exposedPort: null })).toEqual([]);
    expect(validator.check(ref, { ...process, colour: "blue" })).not.toEqual([]);
    expect(validator.check(ref, { ...process, roomsAllocated: "1" })).not.toEqual([]);
    expect(validator.check(ref, { ...process, exposedPort: { host: "h" } })).not.toEqual([]);
  });
});
