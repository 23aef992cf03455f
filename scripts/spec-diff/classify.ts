// Our verdict on one change: api-smart-diff's, corrected where its rules are wrong for this
// project or silent. Each correction says why. "Breaking" means: a client built from the old
// spec (this package in TypeScript, or one generated in Go or Python) can fail against a server
// that follows the new one, in either direction (a request it sends is now refused, or a
// response it gets no longer fits what it expects).
import type { Diff } from "api-smart-diff";
import type { Location } from "./locate.js";

export type Classification = "breaking" | "non-breaking" | "documentation";

export const SEVERITY: Record<Classification, number> = { breaking: 2, "non-breaking": 1, documentation: 0 };

/** A format that narrows nothing a JSON client can send: 64-bit integers, double-precision numbers. */
const NON_NARROWING_FORMATS = new Set(["int64", "double"]);

/** Keywords that describe a schema and constrain nothing. */
const DOCUMENTATION = new Set(["description", "title", "example", "examples", "externalDocs"]);

/** The keywords of a path inside a schema: every segment except property names. */
function keywords(rest: Location["rest"]): string[] {
  const found: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const segment = rest[i];
    if (segment === "properties") i++;
    else if (typeof segment === "string") found.push(segment);
  }
  return found;
}

/** api-smart-diff's own verdict, with its request rules turned round where it forgot to (see Location.responseRef). */
function libraryVerdict(diff: Diff, where: Location): Diff["type"] {
  if (!where.responseRef) return diff.type;
  return diff.type === "breaking" ? "non-breaking" : diff.type === "non-breaking" ? "breaking" : diff.type;
}

/**
 * `wholeEnumRemoved`: the value belongs to an `enum` that is gone altogether (replaced by
 * `x-extensible-enum`, say), reported once for the whole list.
 */
export function classify(diff: Diff, where: Location, wholeEnumRemoved = false): Classification {
  const rest = where.rest;
  const words = keywords(rest);
  const key = words[words.length - 1];
  const extension = words.find((word) => word.startsWith("x-"));

  // Renaming an operationId renames the method of every generated client (this package's
  // `raw` client is keyed by path, but Go and Python generators name methods after it).
  if (!where.schema && rest.length === 1 && rest[0] === "operationId") return "breaking";

  // `x-extensible-enum` is an open enum: the listed values are the known ones and clients must
  // accept others. So a value added is never breaking, and a value removed breaks only a
  // request that may send it. Adding or dropping the whole list changes no wire format.
  if (extension === "x-extensible-enum") {
    const listItem = typeof rest[rest.length - 1] === "number";
    if (listItem && diff.action === "remove" && where.direction === "request") return "breaking";
    if (listItem && diff.action === "replace" && where.direction === "request") return "breaking";
    return listItem ? "non-breaking" : "documentation";
  }
  // An example, a description, a title: words for people, never a constraint.
  if (words.some((word) => DOCUMENTATION.has(word))) return "documentation";

  // A closed enum opened up: requests may send more (fine), responses may carry values outside
  // the old list, which a client generated with a closed enum may reject.
  if (wholeEnumRemoved) return where.direction === "response" ? "breaking" : "non-breaking";

  // Every other extension (x-idempotent, x-inferred, ...) describes the API; it changes nothing
  // on the wire. x-idempotent changes how clients may retry, which the sentence points out.
  if (extension) return "documentation";

  // api-smart-diff reverses its request rules for responses. For `type` that reversal is wrong:
  // integer -> string breaks a reader as surely as a sender. Only integer -> number in a
  // request (the server accepts more) is safe.
  if (key === "type" && diff.action === "replace") {
    const widening = where.direction === "request" && diff.before === "integer" && diff.after === "number";
    return widening ? "non-breaking" : "breaking";
  }

  // `format`, decided here in full (api-smart-diff counts any format added to a request value
  // as narrowing). Added to a response, it states more precisely what was sent all along;
  // added to a request, it narrows what may be sent unless it is int64 or double, which limit
  // nothing a JSON client can send; removed, it widens; replaced, it changes the value.
  if (key === "format") {
    if (diff.action === "replace") return "breaking";
    const narrows = diff.action === "add" ? where.direction !== "response" && !NON_NARROWING_FORMATS.has(String(diff.after)) : where.direction === "response";
    return narrows ? "breaking" : "non-breaking";
  }

  switch (libraryVerdict(diff, where)) {
    case "breaking":
      return "breaking";
    case "non-breaking":
    case "deprecated": // a deprecation warns; every call still works
      return "non-breaking";
    case "annotation":
      return "documentation";
    default:
      // "unclassified": api-smart-diff has no rule. Count it as breaking so that the gate asks a
      // human, rather than letting an unknown change through as a patch.
      return "breaking";
  }
}
