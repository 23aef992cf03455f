// The fake's routes, taken from the generated operation table: each operation's method and path
// template become a matcher, and its declared parameters are checked as Prism checks them (a
// query value that is not a number where the spec says number, a step below its minimum: 422).
import { operationSpecs } from "../generated/operations.js";
import type { OperationId } from "../index.js";

/** A request matched to an operation, with its decoded path parameters. */
export interface MatchedRoute {
  operationId: OperationId;
  pathParams: Record<string, string>;
}

interface Route {
  operationId: OperationId;
  method: string;
  pattern: RegExp;
  names: string[];
}

const ROUTES: Route[] = (Object.keys(operationSpecs) as OperationId[]).map((operationId) => {
  const { method, path } = operationSpecs[operationId];
  const names: string[] = [];
  // The templates hold only letters, slashes and {name} segments: no other regex syntax to escape.
  const source = path.replace(/\{(\w+)\}/g, (_all, name: string) => {
    names.push(name);
    return "([^/]+)";
  });
  return { operationId, method, pattern: new RegExp(`^${source}$`), names };
});

/** The operation a method and (percent-encoded) path belong to, or undefined. */
export function matchRoute(method: string, path: string): MatchedRoute | undefined {
  for (const route of ROUTES) {
    if (route.method !== method) continue;
    const match = route.pattern.exec(path);
    if (match === null) continue;
    const pathParams: Record<string, string> = {};
    route.names.forEach((name, index) => {
      pathParams[name] = decodeURIComponent(match[index + 1] ?? "");
    });
    return { operationId: route.operationId, pathParams };
  }
  return undefined;
}

/** The first parameter problem of a request, as the message of a 422, or undefined. */
export function checkParameters(operationId: OperationId, pathParams: Record<string, string>, query: Record<string, string[]>): string | undefined {
  for (const param of operationSpecs[operationId].params) {
    if (param.in === "path") {
      if ((pathParams[param.name] ?? "") === "") return `path parameter ${param.name} must not be empty`;
      continue;
    }
    const values = query[param.name];
    if (values === undefined) continue;
    const schema: { type: string; minimum?: number } = param.schema;
    if (schema.type === "array") continue;
    if (values.length > 1) return `query parameter ${param.name} must be given once, got ${values.length} values`;
    const value = values[0] ?? "";
    const number = value.trim() === "" ? Number.NaN : Number(value);
    if ((schema.type === "number" || schema.type === "integer") && !Number.isFinite(number)) return `query parameter ${param.name} must be a number, got ${JSON.stringify(value)}`;
    if (schema.type === "integer" && !Number.isInteger(number)) return `query parameter ${param.name} must be an integer, got ${JSON.stringify(value)}`;
    if (schema.minimum !== undefined && number < schema.minimum) return `query parameter ${param.name} must be >= ${schema.minimum}, got ${JSON.stringify(value)}`;
  }
  return undefined;
}
