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

export function classify(diff: Diff, where: Location): Classification {
  const rest = where.rest;
  const key = [...rest].reverse().find((segment) => typeof segment === "string");
  const extension = rest.find((segment): segment is string => typeof segment === "string" && segment.startsWith("x-"));

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

  // api-smart-diff counts any format added to a request value as narrowing. int64 and double
  // narrow nothing a JSON client can send.
  if (key === "format" && diff.action === "add" && where.direction === "request" && NON_NARROWING_FORMATS.has(String(diff.after))) {
    return "non-breaking";
  }

  switch (diff.type) {
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
