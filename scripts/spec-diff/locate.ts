// Says where a change reported by api-smart-diff lives in the document as written.
// api-smart-diff compares documents with every $ref resolved, so a change to
// components/schemas/ProcessV3 comes back once per operation that returns a ProcessV3, under
// paths/.../responses/200/.../schema/properties/... . Walking that path through the unresolved
// document, following each $ref, tells us the component schema it ends in (so the change is
// reported once, under ProcessV3, with the operations that use it) or, when it ends in no
// component schema, that it belongs to the operation itself.
import type { Json } from "./load-spec.js";

export type Segment = string | number;

export interface Operation {
  operationId: string;
  method: string;
  path: string;
}

export interface Location {
  /** The operation whose request or response holds the change, when it was reached from paths. */
  operation?: Operation;
  /** "request" (parameters, body) or "response", for changes reached through an operation. */
  direction?: "request" | "response";
  /**
   * The response was written as `$ref: '#/components/responses/...'`. api-smart-diff then
   * classifies its body with its request rules (it reverses them only for inline responses).
   */
  responseRef?: boolean;
  /** The deepest component schema the path runs through. */
  schema?: string;
  /** The path after the operation (`[]` for the operation itself), or after `schema` when set. */
  rest: Segment[];
}

const SCHEMA_REF = /^#\/components\/schemas\/([^/]+)$/;
const METHODS = new Set(["get", "put", "post", "delete", "options", "head", "patch", "trace"]);

function refTarget(doc: Json, ref: string): unknown {
  return ref
    .replace(/^#\//, "")
    .split("/")
    .map((key) => key.replace(/~1/g, "/").replace(/~0/g, "~"))
    .reduce<unknown>((node, key) => (node && typeof node === "object" ? (node as Json)[key] : undefined), doc);
}

/** Follows `$ref`s from `node`; returns the target and the last component schema named on the way. */
function deref(doc: Json, node: unknown): { node: unknown; schema?: string } {
  let current = node;
  let schema: string | undefined;
  for (let hops = 0; hops < 32 && current && typeof current === "object" && typeof (current as Json).$ref === "string"; hops++) {
    const ref = (current as Json).$ref as string;
    schema = SCHEMA_REF.exec(ref)?.[1] ?? schema;
    current = refTarget(doc, ref);
  }
  return schema === undefined ? { node: current } : { node: current, schema };
}

/**
 * One step down from `node` by `key`. api-smart-diff merges `allOf` members into their parent
 * and folds path-level parameters into each operation, so a key missing from the written node is
 * looked for in its `allOf` members too.
 */
function child(doc: Json, node: unknown, key: Segment): { node: unknown; schema?: string } | undefined {
  if (!node || typeof node !== "object") return undefined;
  const direct = (node as Json)[key as string];
  if (direct !== undefined) return { node: direct };
  // Inline members first: an `allOf: [$ref, { nullable, description }]` takes its annotations from them.
  const members = ((node as Json).allOf ?? []) as unknown[];
  const inlineFirst = [...members.filter((m) => !(m as Json)?.$ref), ...members.filter((m) => (m as Json)?.$ref)];
  for (const member of inlineFirst) {
    const resolved = deref(doc, member);
    const found = child(doc, resolved.node, key);
    if (found) return found.schema ?? resolved.schema ? { node: found.node, schema: (found.schema ?? resolved.schema)! } : found;
  }
  return undefined;
}

/** Walks `path` through `doc` and reports the deepest component schema it enters. */
function walk(doc: Json, start: unknown, path: Segment[]): { schema?: string; rest: Segment[] } {
  let node = start;
  let schema: string | undefined;
  let restFrom = 0;
  for (let i = 0; i < path.length; i++) {
    const resolved = deref(doc, node);
    if (resolved.schema) [schema, restFrom] = [resolved.schema, i];
    const next = child(doc, resolved.node, path[i]!);
    if (!next) break;
    // A schema named by child() was entered through an allOf member: this segment is inside it.
    if (next.schema) [schema, restFrom] = [next.schema, i];
    node = next.node;
  }
  return schema === undefined ? { rest: path } : { schema, rest: path.slice(restFrom) };
}

/** The operation at paths[path][method], read from whichever document has it. */
export function operationAt(docs: Json[], path: string, method: string): Operation {
  for (const doc of docs) {
    const operationId = doc.paths?.[path]?.[method]?.operationId;
    if (typeof operationId === "string") return { operationId, method: method.toUpperCase(), path };
  }
  return { operationId: `${method.toUpperCase()} ${path}`, method: method.toUpperCase(), path };
}

/**
 * Locates a change path in `doc` (the "before" document for removals and replacements, the
 * "after" one for additions: array indices in the path count in that document).
 */
export function locate(doc: Json, other: Json, path: Segment[]): Location | undefined {
  const [root, second, third] = path;
  if (root === "paths" && typeof second === "string") {
    if (third === undefined || !METHODS.has(String(third))) return undefined; // path-item level: reported per method
    const method = String(third);
    const operation = operationAt([doc, other], second, method);
    const within = path.slice(3);
    const direction = within[0] === "responses" ? "response" : within[0] === "parameters" || within[0] === "requestBody" ? "request" : undefined;
    const item = doc.paths?.[second] ?? {};
    // Parameters declared on the path item are appended to the operation's own by api-smart-diff.
    let start: unknown = item[method] ?? {};
    const own = ((start as Json).parameters ?? []) as unknown[];
    if (within[0] === "parameters" && typeof within[1] === "number" && within[1] >= own.length) {
      start = { parameters: [...own, ...((item.parameters ?? []) as unknown[])] };
    }
    const found = walk(doc, start, within);
    const response = direction === "response" && within[1] !== undefined ? (item[method]?.responses?.[within[1]] as Json | undefined) : undefined;
    return {
      operation,
      ...(direction ? { direction } : {}),
      ...(typeof response?.$ref === "string" && within.length > 2 ? { responseRef: true } : {}),
      ...(found.schema ? { schema: found.schema } : {}),
      rest: found.rest,
    };
  }
  if (root === "components" && second === "schemas" && typeof third === "string") {
    const found = walk(doc, doc.components.schemas[third], path.slice(3));
    return { schema: found.schema ?? third, rest: found.schema ? found.rest : path.slice(3) };
  }
  return undefined;
}
