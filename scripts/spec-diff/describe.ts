// Our sentences for api-smart-diff's changes: plain English a reviewer can paste into
// CHANGELOG.md. api-smart-diff's own descriptions ("[Removed] annotation (6) in Response 200
// content") name JSON paths, not fields; these name the field and say what a client sees.
import type { Diff } from "api-smart-diff";
import type { Json } from "./load-spec.js";
import type { Location, Segment } from "./locate.js";

const COMBINERS = new Set(["allOf", "oneOf", "anyOf"]);

/** Splits a path inside a schema into the field it names (`exposedPort.host`) and the keyword after it. */
function fieldAndKeyword(rest: Segment[]): { field: string; keyword: Segment[] } {
  let field = "";
  let i = 0;
  while (i < rest.length) {
    const segment = rest[i];
    if (segment === "properties" && rest[i + 1] !== undefined && i + 2 < rest.length) {
      field += `${field ? "." : ""}${rest[i + 1]}`;
      i += 2;
    } else if (segment === "items" && i + 1 < rest.length) {
      field += "[]";
      i += 1;
    } else if (typeof segment === "string" && COMBINERS.has(segment) && typeof rest[i + 1] === "number" && i + 2 < rest.length) {
      i += 2;
    } else break;
  }
  return { field, keyword: rest.slice(i) };
}

const code = (value: unknown) => `\`${typeof value === "string" ? value : JSON.stringify(value)}\``;
const list = (values: unknown) => (Array.isArray(values) ? values.map(code).join(", ") : code(values));

/**
 * A sentence for a change inside a schema; `subject` names what holds it (`query parameter
 * step`), or is empty when the line already starts with the schema's name. `directions` says
 * whether the schema is sent ("request"), received ("response") or both, for the reason given.
 */
export function describeSchemaChange(diff: Diff, rest: Segment[], subject: string, directions: ReadonlySet<string> = new Set()): string {
  const { field, keyword } = fieldAndKeyword(rest);
  const what = subject && field ? `${subject} ${code(field)}` : subject || (field ? code(field) : "");
  const of = what ? ` of ${what}` : "";
  const to = what ? ` to ${what}` : "";
  const lead = what ? `${what} ` : "";
  const [first, second] = keyword;
  const { action, before, after } = diff;
  const verb = action === "add" ? "added" : action === "remove" ? "removed" : "changed";

  if (keyword.length === 0) {
    if (action === "add") return what ? `${what} added.` : "new schema.";
    if (action === "remove") return what ? `${what} removed.` : "schema removed; clients generated from the spec lose the type.";
    return `${what || "schema"} replaced.`;
  }
  if (first === "properties" && second !== undefined && keyword.length === 2) {
    const property = code(field ? `${field}.${second}` : second);
    if (action === "add") return `new property ${property}${subject ? ` in ${subject}` : ""}.`;
    if (action === "remove") return `property ${property} removed${subject ? ` from ${subject}` : ""}.`;
    return `property ${property} redefined.`;
  }
  if (first === "required" && keyword.length <= 2) {
    const names = action === "remove" ? before : after;
    const target = code(field ? `${field}.${String(names)}` : names);
    if (typeof second === "number") return action === "add" ? `${target} is now required.` : `${target} is no longer required, so it may be left out.`;
    return action === "add" ? `${list(after)} are now required.` : `${list(before)} are no longer required.`;
  }
  if (first === "type") return `${lead}changed type from ${code(before)} to ${code(after)}.`;
  if ((first === "enum" || first === "x-extensible-enum") && typeof second === "number") {
    const open = first === "x-extensible-enum" ? " (an open list: other values may still appear)" : "";
    // Why it may break, for a closed `enum`: a response carrying the new value fails a client
    // that checks the list; a request sending the removed value is refused.
    const added = open || (directions.has("response") ? "; a client that checks the closed list may reject it in a response" : "");
    const removed = open || (directions.has("request") ? "; requests that send it may be refused" : "");
    if (action === "add") return `value ${code(after)} added${to}${added}.`;
    if (action === "remove") return `value ${code(before)} removed${what ? ` from ${what}` : ""}${removed}.`;
    return `value ${code(before)}${of} renamed to ${code(after)}${open}.`;
  }
  if (first === "enum") {
    if (action === "add") return `${lead}restricted to the values ${list(after)}.`;
    if (action === "remove") {
      const why = directions.has("response") ? "; responses may carry values outside the old list, which a client that checks it may reject" : "";
      return `${lead}no longer restricted to a closed list of values${why}.`;
    }
    return `${what ? `${what}: ` : ""}allowed values changed from ${list(before)} to ${list(after)}.`;
  }
  if (first === "x-extensible-enum") {
    if (action === "add") return `${lead}lists its known values as an open enum (\`x-extensible-enum\`): ${list(after)}.`;
    if (action === "remove") return `${lead}no longer lists known values (\`x-extensible-enum\` removed).`;
    return `${what ? `${what}: ` : ""}known values changed from ${list(before)} to ${list(after)}.`;
  }
  if (first === "nullable") {
    const nowNullable = action === "remove" ? false : after === true;
    return nowNullable ? `${lead}may now be null.` : `${lead}may no longer be null.`;
  }
  if (first === "description" || first === "title" || first === "example" || first === "examples" || first === "externalDocs") {
    return action === "replace" ? `${first}${of} reworded.` : `${first}${of} ${verb}.`;
  }
  if (first === "deprecated") return after === true ? `${lead}deprecated.` : `${lead}no longer deprecated.`;
  if (typeof first === "string" && first.startsWith("x-")) {
    return `extension ${code(first)}${of} ${action === "replace" ? `changed from ${code(before)} to ${code(after)}` : action === "add" ? `added (${code(after)})` : "removed"}.`;
  }
  const keywordName = keyword.filter((segment) => typeof segment === "string").join(".");
  const on = what ? `${what}: ` : "";
  if (action === "add") return `${on}${code(keywordName)} set to ${code(after)}.`;
  if (action === "remove") return `${on}${code(keywordName)} ${code(before)} removed.`;
  return `${on}${code(keywordName)} changed from ${code(before)} to ${code(after)}.`;
}

function parameterName(doc: Json, operationNode: Json, pathItem: Json, index: number): string {
  const all = [...((operationNode.parameters ?? []) as Json[]), ...((pathItem.parameters ?? []) as Json[])];
  let parameter: Json | undefined = all[index];
  for (let hops = 0; parameter && typeof parameter.$ref === "string" && hops < 8; hops++) {
    const name = String(parameter.$ref).split("/").pop() ?? "";
    parameter = doc.components?.parameters?.[name];
  }
  return parameter ? `${parameter.in} parameter ${code(parameter.name)}` : `parameter #${index}`;
}

/** A sentence for a change to the operation itself (not inside a named schema). */
export function describeOperationChange(diff: Diff, where: Location, doc: Json): string {
  const operation = where.operation!;
  const rest = where.rest;
  const item = (doc.paths?.[operation.path] ?? {}) as Json;
  const node = (item[operation.method.toLowerCase()] ?? {}) as Json;
  const { action, before, after } = diff;
  const [first, second, third] = rest;

  if (rest.length === 0) {
    if (action === "add") return `added (${operation.method} ${operation.path}).`;
    if (action === "remove") return `removed (it was ${operation.method} ${operation.path}); clients that call it get an error.`;
    return `replaced (${operation.method} ${operation.path}).`;
  }
  if (first === "parameters" && typeof second === "number") {
    const parameter = parameterName(doc, node, item, second);
    if (rest.length === 2) {
      const value = (action === "add" ? after : before) as Json | undefined;
      const required = value?.required === true || value?.in === "path";
      if (action === "add") return required ? `new required ${parameter}; calls that do not send it are refused.` : `new optional ${parameter}.`;
      if (action === "remove") return `${parameter} removed.`;
    }
    if (third === "required" && rest.length === 3) {
      return after === true ? `${parameter} is now required; calls that do not send it are refused.` : `${parameter} is no longer required.`;
    }
    if (third === "schema") return describeSchemaChange(diff, rest.slice(3), parameter, new Set(["request"]));
    return describeSchemaChange(diff, rest.slice(2), parameter);
  }
  if (first === "responses" && second !== undefined) {
    const response = `response ${code(String(second))}`;
    if (rest.length === 2) return action === "add" ? `new ${response}.` : action === "remove" ? `${response} removed.` : `${response} replaced.`;
    const schemaAt = rest.indexOf("schema");
    if (schemaAt >= 0) return describeSchemaChange(diff, rest.slice(schemaAt + 1), `${response} body`, new Set(["response"]));
    return describeSchemaChange(diff, rest.slice(2), response);
  }
  if (first === "requestBody") {
    const schemaAt = rest.indexOf("schema");
    if (schemaAt >= 0) return describeSchemaChange(diff, rest.slice(schemaAt + 1), "request body", new Set(["request"]));
    return describeSchemaChange(diff, rest.slice(1), "request body");
  }
  if (first === "operationId") return `operationId renamed from ${code(before)} to ${code(after)}; generated clients rename the method.`;
  if (first === "x-idempotent") {
    return `\`x-idempotent\` ${action === "remove" ? "removed" : `is now ${code(after)}`}: clients ${after === true ? "may now retry it" : "may no longer retry it"} after a failure that may have reached the server.`;
  }
  if (first === "summary" || first === "description") return action === "replace" ? `${first} reworded.` : `${first} ${action === "add" ? "added" : "removed"}.`;
  if (first === "deprecated") return after === true ? "deprecated." : "no longer deprecated.";
  return describeSchemaChange(diff, rest, "");
}
