// Validates values against openapi.yaml's schemas with ajv. OpenAPI 3.0 schemas are not quite
// JSON Schema: `nullable: true` beside `allOf` (our `exposedPort`, Hathora's own form) means
// "this or null", which ajv cannot compile as it is, so the components are converted first.
import { Ajv, type ErrorObject } from "ajv";
import formats from "ajv-formats";
import { openapi } from "./examples.js";

type Schema = Record<string, unknown>;

/**
 * A JSON Schema copy of an OpenAPI 3.0 schema. `closed` adds `additionalProperties: false` to
 * every object that lists properties, as an example must not carry fields the schema lacks.
 */
export function toJsonSchema(node: unknown, closed: boolean): unknown {
  if (Array.isArray(node)) return node.map((item) => toJsonSchema(item, closed));
  if (typeof node !== "object" || node === null) return node;
  const { nullable, example: _example, ...rest } = node as Schema;
  const converted: Schema = {};
  for (const [key, value] of Object.entries(rest)) {
    // `properties` and `components.schemas` map names to schemas: convert each value.
    converted[key] = toJsonSchema(value, closed);
  }
  if (closed && converted.properties && converted.additionalProperties === undefined) converted.additionalProperties = false;
  if (nullable !== true) return converted;
  if (typeof converted.type === "string") return { ...converted, type: [converted.type, "null"] };
  return { anyOf: [converted, { type: "null" }] };
}

/** An ajv with the spec's components registered as `openapi#/components/...`. */
export function specValidator(closed: boolean) {
  const ajv = new Ajv({ strict: false, allErrors: true });
  // ajv-formats is CommonJS with `exports.default`; under NodeNext the default import is the module.
  formats.default(ajv);
  ajv.addFormat("int32", { type: "number", validate: (n: number) => Number.isInteger(n) && n >= -(2 ** 31) && n < 2 ** 31 });
  ajv.addFormat("int64", { type: "number", validate: (n: number) => Number.isSafeInteger(n) });
  ajv.addFormat("double", { type: "number", validate: (n: number) => Number.isFinite(n) });
  ajv.addSchema({ $id: "openapi", components: toJsonSchema(openapi.components, closed) });
  return {
    /** Validates `value` against a schema that may `$ref` `openapi#/components/...`. */
    check(schema: unknown, value: unknown): ErrorObject[] {
      const validate = ajv.compile(toJsonSchema(schema, closed) as Schema);
      return validate(value) ? [] : (validate.errors ?? []);
    },
    ref: (name: string) => ({ $ref: `openapi#/components/schemas/${name}` }),
  };
}

/** Rewrites the spec's local `$ref`s (`#/components/...`) to the registered `openapi#/...`. */
export function rebase(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(rebase);
  if (typeof node !== "object" || node === null) return node;
  return Object.fromEntries(
    Object.entries(node).map(([key, value]) => [key, key === "$ref" && typeof value === "string" ? `openapi${value}` : rebase(value)]),
  );
}
