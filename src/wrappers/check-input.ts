// Checks a call's arguments against the parameters the spec declares, so that bad input fails
// with a clear ConfigError before any request is sent. Open enums (Region, ...) are checked as
// strings only: the server decides which values exist.
import { ConfigError } from "./errors/config-error.js";
import type { OperationSpec } from "./operation-types.js";
import { CALL_OPTION_NAMES, describeValue, isCallOption } from "./options.js";

type Param = OperationSpec["params"][number];
interface ValueSchema {
  readonly type: string;
  readonly minimum?: number;
  readonly items?: ValueSchema;
}

export interface CheckedArguments {
  pathParams: Record<string, string>;
  query: Record<string, unknown>;
  /** The arguments as given: the call options are read from here. */
  given: Record<string, unknown>;
}

export function checkArguments(operationId: string, spec: OperationSpec, input: unknown, defaultAppId: string | undefined): CheckedArguments {
  if (input !== undefined && (typeof input !== "object" || input === null || Array.isArray(input))) {
    throw new ConfigError(`${operationId}: expected an options object, got ${describeValue(input)}`);
  }
  const given = (input ?? {}) as Record<string, unknown>;
  const params: readonly Param[] = spec.params;
  for (const key of Object.keys(given)) {
    if (!isCallOption(key) && !params.some((param) => param.name === key)) {
      const known = [...params.map((param) => param.name).filter((name) => name !== "appId"), ...CALL_OPTION_NAMES];
      throw new ConfigError(`${operationId}: unknown option "${key}"; known options: ${known.join(", ")}`);
    }
  }

  const pathParams: Record<string, string> = {};
  const query: Record<string, unknown> = {};
  for (const param of params) {
    const value = param.name === "appId" ? (given.appId ?? defaultAppId) : given[param.name];
    if (value === undefined) {
      if (param.required) throw new ConfigError(missing(operationId, param.name));
      continue;
    }
    const problem = param.in === "path" ? checkPathValue(value, param.schema) : checkValue(value, param.schema);
    if (problem) throw new ConfigError(`${operationId}: ${param.name} ${problem}`);
    if (param.in === "path") pathParams[param.name] = value as string;
    else query[param.name] = value;
  }
  return { pathParams, query, given };
}

function missing(operationId: string, name: string): string {
  if (name === "appId") {
    return `${operationId}: appId is required: pass it to this call, or set a default with createHathoraClient({ appId })`;
  }
  return `${operationId}: ${name} is required`;
}

// A path segment of "." or ".." would be resolved away by URL parsing (even percent-encoded),
// sending the request to another path; an empty one likewise.
function checkPathValue(value: unknown, schema: ValueSchema): string | undefined {
  if (typeof value === "string" && (value === "" || value === "." || value === "..")) {
    return `must be a non-empty string other than "." and "..", got ${describeValue(value)}`;
  }
  return checkValue(value, schema);
}

function checkValue(value: unknown, schema: ValueSchema): string | undefined {
  switch (schema.type) {
    case "array": {
      if (!Array.isArray(value)) return `must be an array, got ${describeValue(value)}`;
      for (const item of value) {
        const problem = checkValue(item, schema.items ?? { type: "string" });
        if (problem) return `item ${problem}`;
      }
      return undefined;
    }
    case "string":
      return typeof value === "string" ? undefined : `must be a string, got ${describeValue(value)}`;
    case "number":
    case "integer":
      if (typeof value !== "number" || !Number.isFinite(value)) return `must be a finite number, got ${describeValue(value)}`;
      if (schema.type === "integer" && !Number.isInteger(value)) return `must be an integer, got ${value}`;
      if (schema.minimum !== undefined && value < schema.minimum) return `must be at least ${schema.minimum}, got ${value}`;
      return undefined;
    default:
      return undefined;
  }
}
