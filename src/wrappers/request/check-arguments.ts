// Checks a call's arguments against the parameters the spec declares, so that bad input fails
// with a clear ConfigError before any request is sent. Open enums (Region, ...) are checked as
// strings only: the server decides which values exist.
import { ConfigError } from "../errors/config-error.js";
import type { OperationSpec } from "../operation-types.js";
import { CALL_OPTION_NAMES } from "../options/call-options.js";
import { describeValue, rejectUnknownOptions } from "../options/setting-checks.js";
import { compiledOperation } from "./compiled-operation.js";

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
  const { known } = compiledOperation(spec);
  for (const key in given) {
    // The list of known names is built only for the message of a misspelt one.
    if (!known.has(key) && Object.hasOwn(given, key)) {
      rejectUnknownOptions(given, (name) => known.has(name), [...params.map((param) => param.name).filter((name) => name !== "appId"), ...CALL_OPTION_NAMES], operationId);
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
    const problem = param.in === "path" ? checkPathValue(value, param.schema) : (checkValue(value, param.schema) ?? checkUnixSeconds(param.name, value));
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

// The time parameters the spec declares as Unix timestamps in whole seconds.
const UNIX_SECONDS = new Set(["start", "end", "before"]);
// 1e11 seconds is the year 5138: no time range of a game server reaches it. In milliseconds it
// is 3 March 1973, so `Date.now()` and `date.getTime()` (about 1.7e12 today) are always above
// it. A value this large is plainly milliseconds where seconds are meant, and sending it would
// silently ask for a range thousands of years away.
const MILLISECONDS_THRESHOLD = 1e11;

function checkUnixSeconds(name: string, value: unknown): string | undefined {
  if (!UNIX_SECONDS.has(name) || typeof value !== "number" || Math.abs(value) < MILLISECONDS_THRESHOLD) return undefined;
  return `is a Unix timestamp in seconds, but ${value} looks like milliseconds (it is past the year 5000 as seconds): pass Math.floor(ms / 1000)`;
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
