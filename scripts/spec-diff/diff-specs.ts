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
  const { diffs } = apiCompare(before, after);
  const operations: SpecChange[] = [];
  const schemas = new Map<string, Pending>();
  const document: SpecChange[] = [];

  for (const diff of diffs) {
    // Array indices in a removal or replacement count in `before`, in an addition in `after`.
    const [doc, other] = diff.action === "add" ? [after, before] : [before, after];
    const where: Location | undefined = locate(doc, other, diff.path);
    if (!where) {
      const change = documentChange(diff);
      if (change) document.push(change);
      continue;
    }
    const classification = classify(diff, where);
    if (where.schema) {
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
