// The classified diff between two OpenAPI documents, used by `npm run spec:diff`, by the
// release gate (`npm run check:breaking`) and by their tests. api-smart-diff finds and
// classifies the changes; this layer attributes each one to the operation or the component
// schema a reader knows it by, corrects a few verdicts (classify.ts) and words it (describe.ts).
import { apiCompare, type Diff } from "api-smart-diff";
import { classify, SEVERITY, type Classification } from "./classify.js";
import { describeOperationChange, describeSchemaChange } from "./describe.js";
import type { Json } from "./load-spec.js";
import { locate, type Location } from "./locate.js";

export type { Classification } from "./classify.js";

export interface SpecChange {
  classification: Classification;
  /** Where a reader looks for it: an operation (by operationId), a component schema, or the document. */
  group: "operation" | "schema" | "document";
  /** The operationId, the schema's name, or "document". */
  name: string;
  /** One sentence, to follow `name: ` in a changelog line. */
  sentence: string;
  /** For a schema change: the operations whose request or response it reaches, e.g. "GetProcess (response)". */
  usedBy: string[];
}

interface Pending extends Omit<SpecChange, "sentence"> {
  /** Reached only through components/schemas, i.e. no operation uses the changed part. */
  componentsOnly: boolean;
  diff: Diff;
  rest: Location["rest"];
}

/** Keys that annotate a schema without constraining it. */
const ANNOTATIONS = new Set(["nullable", "description", "title", "example", "examples", "deprecated", "readOnly", "writeOnly", "externalDocs"]);
const isAnnotation = (key: string) => ANNOTATIONS.has(key) || key.startsWith("x-");

/**
 * Rewrites each `allOf: [{ $ref }, { nullable: true, description }]` (OpenAPI 3.0's way of
 * annotating a reference) as the referenced schema with those annotations, in a copy.
 * api-smart-diff compares such an allOf as an opaque value, so turning `$ref: NullableX` into
 * `allOf: [$ref: X] + nullable` would otherwise read as every property removed.
 */
function inlineAnnotatedRefs(doc: Json): Json {
  const copy = structuredClone(doc);
  const target = (ref: string) => ref.replace(/^#\//, "").split("/").reduce<any>((node, key) => node?.[key], copy);
  const visit = (node: unknown): void => {
    if (!node || typeof node !== "object") return;
    for (const value of Object.values(node)) visit(value);
    const schema = node as Json;
    if (!Array.isArray(schema.allOf)) return;
    const refs = schema.allOf.filter((member: Json) => typeof member?.$ref === "string");
    const others = schema.allOf.filter((member: Json) => typeof member?.$ref !== "string");
    const ownKeys = Object.keys(schema).filter((key) => key !== "allOf");
    if (refs.length !== 1 || !others.every((member: Json) => Object.keys(member).every(isAnnotation)) || !ownKeys.every(isAnnotation)) return;
    const referenced = target(refs[0].$ref);
    if (!referenced || typeof referenced !== "object") return;
    const merged = Object.assign({}, referenced, ...others, Object.fromEntries(ownKeys.map((key) => [key, schema[key]])));
    for (const key of Object.keys(schema)) delete schema[key];
    Object.assign(schema, merged);
  };
  visit(copy.paths);
  visit(copy.components);
  return copy;
}

/** The value at `path` under `node`, or undefined. */
const at = (node: unknown, path: readonly (string | number)[]) => path.reduce<any>((value, key) => value?.[key], node);

const worse = (a: Classification, b: Classification) => (SEVERITY[a] >= SEVERITY[b] ? a : b);

/** Document-level keys that say nothing a client depends on. `info.version` changes every release. */
function isDocumentNoise(path: Diff["path"]): boolean {
  return path[0] === "info" && path[1] === "version";
}

function documentChange(diff: Diff): SpecChange | undefined {
  const [root] = diff.path;
  // components/parameters, responses, requestBodies... are reached, and reported, through the
  // operations that use them; path-item level entries are reported per method.
  if (root === "components" || root === "paths" || isDocumentNoise(diff.path)) return undefined;
  const where = diff.path.join(".");
  const classification = diff.type === "breaking" ? "breaking" : diff.type === "non-breaking" ? "non-breaking" : "documentation";
  const verb = diff.action === "add" ? "added" : diff.action === "remove" ? "removed" : "changed";
  return { classification, group: "document", name: "document", sentence: `\`${where}\` ${verb}.`, usedBy: [] };
}

export function diffSpecs(before: Json, after: Json): SpecChange[] {
  const { diffs } = apiCompare(inlineAnnotatedRefs(before), inlineAnnotatedRefs(after));
  const operations: SpecChange[] = [];
  const schemas = new Map<string, Pending>();
  const document: SpecChange[] = [];

  for (let diff of diffs) {
    // Array indices in a removal or replacement count in `before`, in an addition in `after`.
    const [doc, other] = diff.action === "add" ? [after, before] : [before, after];
    const where: Location | undefined = locate(doc, other, diff.path);
    if (!where) {
      const change = documentChange(diff);
      if (change) document.push(change);
      continue;
    }
    if (where.schema) {
      // A value removed from an `enum` that is gone altogether: one change for the whole list.
      const [last, index] = where.rest.slice(-2);
      const enumPath = where.rest.slice(0, -1);
      const wholeEnumRemoved = diff.action === "remove" && last === "enum" && typeof index === "number" && at(after.components?.schemas?.[where.schema], enumPath) === undefined;
      if (wholeEnumRemoved) {
        where.rest = enumPath;
        diff = { ...diff, path: diff.path.slice(0, -1), before: at(before.components?.schemas?.[where.schema], enumPath) };
      }
      const classification = classify(diff, where, wholeEnumRemoved);
      const key = `${where.schema}\u0000${JSON.stringify(where.rest)}\u0000${diff.action}`;
      const componentsOnly = !where.operation;
      const usage = where.operation ? [`${where.operation.operationId} (${where.direction ?? "operation"})`] : [];
      const seen = schemas.get(key);
      if (!seen) {
        schemas.set(key, { classification, group: "schema", name: where.schema, usedBy: usage, componentsOnly, diff, rest: where.rest });
      } else if (seen.componentsOnly && !componentsOnly) {
        // The verdict in context (request or response) replaces the context-free one.
        Object.assign(seen, { classification, usedBy: usage, componentsOnly: false });
      } else if (!componentsOnly) {
        seen.classification = worse(seen.classification, classification);
        for (const use of usage) if (!seen.usedBy.includes(use)) seen.usedBy.push(use);
      }
      continue;
    }
    const classification = classify(diff, where);
    const sentence = describeOperationChange(diff, where, doc);
    operations.push({ classification, group: "operation", name: where.operation!.operationId, sentence, usedBy: [] });
  }

  const byName = (a: SpecChange, b: SpecChange) => a.name.localeCompare(b.name);
  // Worded once every use is known: the reason given depends on whether the schema is sent, received or both.
  const schemaChanges = [...schemas.values()].map(({ diff, rest, classification, group, name, usedBy }): SpecChange => {
    const directions = new Set(usedBy.map((use) => /\((\w+)\)$/.exec(use)?.[1] ?? ""));
    return { classification, group, name, usedBy, sentence: describeSchemaChange(diff, rest, "", directions) };
  });
  return [...operations.sort(byName), ...schemaChanges.sort(byName), ...document];
}

export const isBreaking = (changes: SpecChange[]) => changes.some((change) => change.classification === "breaking");
