// withDates against every date-time field of the spec's own examples.
import { describe, expect, it } from "vitest";
import { HathoraError, withDates, type ProcessV2, type ProcessV3 } from "../../src/index.js";
import { dateTimeFields } from "../../src/generated/operations.js";
import { openapi, responseExample, schemaExample } from "../helpers/examples.js";

/** The date-time properties of a schema, read from openapi.yaml itself, not from generated code. */
function dateTimePropertiesInSpec(schema: string): string[] {
  const properties = openapi.components.schemas[schema].properties as Record<string, { format?: string }>;
  return Object.entries(properties)
    .filter(([, property]) => property.format === "date-time")
    .map(([name]) => name);
}

describe.each(["ProcessV2", "ProcessV3"] as const)("withDates on the %s example", (schema) => {
  const example = schemaExample(schema) as ProcessV2 & ProcessV3;

  it("the generated field list is the spec's list", () => {
    expect([...dateTimeFields[schema]]).toEqual(dateTimePropertiesInSpec(schema));
  });

  it("turns every date-time string into the same instant as a Date, and keeps null as null", () => {
    const dated = withDates(example) as unknown as Record<string, unknown>;
    for (const field of dateTimePropertiesInSpec(schema)) {
      const original = (example as unknown as Record<string, string | null>)[field];
      if (original === null) expect(dated[field]).toBeNull();
      else {
        expect(dated[field]).toBeInstanceOf(Date);
        expect((dated[field] as Date).toISOString()).toBe(original);
      }
    }
  });

  it("leaves every other field as it was, and does not change its input", () => {
    const before = structuredClone(example);
    const dated = withDates(example) as unknown as Record<string, unknown>;
    expect(example).toEqual(before);
    for (const [key, value] of Object.entries(example)) {
      if (!dateTimePropertiesInSpec(schema).includes(key)) expect(dated[key]).toEqual(value);
    }
  });
});

describe("withDates", () => {
  it("handles a process whose nullable timestamps are all null", () => {
    const created = responseExample("/processes/v3/apps/{appId}/processes/regions/{region}", "post", "201") as ProcessV3;
    const dated = withDates(created);
    expect(dated.createdAt).toEqual(new Date("2024-10-24T21:50:58.093Z"));
    expect([dated.startedAt, dated.bootedAt, dated.scheduledAt, dated.stoppingAt, dated.terminatedAt]).toEqual([null, null, null, null, null]);
  });

  it("reads offsets as well as Z", () => {
    const example = schemaExample("ProcessV3") as ProcessV3;
    expect(withDates({ ...example, createdAt: "2024-10-24T23:50:58.093+02:00" }).createdAt.toISOString()).toBe("2024-10-24T21:50:58.093Z");
  });

  it("rejects a timestamp that is not an ISO date-time, rather than making an Invalid Date", () => {
    const example = schemaExample("ProcessV3") as ProcessV3;
    expect(() => withDates({ ...example, createdAt: "yesterday" })).toThrow(HathoraError);
    expect(() => withDates({ ...example, createdAt: "yesterday" })).toThrow(/createdAt is not an ISO 8601 date-time: "yesterday"/);
  });
});
