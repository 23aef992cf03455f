// Checks a call's arguments against the parameters the spec declares, so that bad input fails
// with a clear ConfigError before any request is sent.
import { ConfigError } from "./errors/config-error.js";
import { CALL_OPTION_NAMES, type CallOptions } from "./options.js";
import type { operations } from "../generated/operations.js";

type Operation = (typeof operations)[keyof typeof operations];
type Param = Operation["params"][number];
interface ValueSchema {
  readonly type: string;
  readonly enum?: readonly string[];
  readonly minimum?: number;
  readonly items?: ValueSchema;
}

export interface CheckedCall {
  path: Record<string, string>;
  query: Record<string, unknown>;
  options: CallOptions;
}

export function checkCall(operationId: string, op: Operation, input: unknown, defaultAppId: string | undefined): CheckedCall {
  if (input !== undefined && (typeof input !== "object" || input === null || Array.isArray(input))) {
    throw new ConfigError(`${operationId}: expected an options object, got ${describe(input)}`);
  }
  const given = (input ?? {}) as Record<string, unknown>;
  const params: readonly Param[] = op.params;
  for (const key of Object.keys(given)) {
    if (!CALL_OPTION_NAMES.has(key) && !params.some((param) => param.name === key)) {
      const known = [...params.map((param) => param.name).filter((name) => name !== "appId"), ...CALL_OPTION_NAMES];
      throw new ConfigError(`${operationId}: unknown option "${key}"; known options: ${known.join(", ")}`);
    }
  }

  const path: Record<string, string> = {};
  const query: Record<string, unknown> = {};
  for (const param of params) {
    const value = param.name === "appId" ? (given.appId ?? defaultAppId) : given[param.name];
    if (value === undefined) {
      if (param.required) throw new ConfigError(missing(operationId, param.name));
      continue;
    }
    const problem = param.in === "path" ? checkPathValue(value, param.schema) : checkValue(value, param.schema);
    if (problem) throw new ConfigError(`${operationId}: ${param.name} ${problem}`);
    if (param.in === "path") path[param.name] = value as string;
    else query[param.name] = value;
  }
  return { path, query, options: checkCallOptions(operationId, given) };
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
    return `must be a non-empty string other than "." and "..", got ${describe(value)}`;
  }
  return checkValue(value, schema);
}

function checkValue(value: unknown, schema: ValueSchema): string | undefined {
  switch (schema.type) {
    case "array": {
      if (!Array.isArray(value)) return `must be an array, got ${describe(value)}`;
      for (const item of value) {
        const problem = checkValue(item, schema.items ?? { type: "string" });
        if (problem) return `item ${problem}`;
      }
      return undefined;
    }
    case "string":
      if (typeof value !== "string") return `must be a string, got ${describe(value)}`;
      if (schema.enum && !schema.enum.includes(value)) {
        return `must be one of ${schema.enum.join(", ")}; got ${describe(value)}`;
      }
      return undefined;
    case "number":
    case "integer":
      if (typeof value !== "number" || !Number.isFinite(value)) return `must be a finite number, got ${describe(value)}`;
      if (schema.type === "integer" && !Number.isInteger(value)) return `must be an integer, got ${value}`;
      if (schema.minimum !== undefined && value < schema.minimum) return `must be at least ${schema.minimum}, got ${value}`;
      return undefined;
    default:
      return undefined;
  }
}

function checkCallOptions(operationId: string, given: Record<string, unknown>): CallOptions {
  const { signal, headers } = given;
  if (signal !== undefined && !(signal instanceof AbortSignal)) {
    throw new ConfigError(`${operationId}: signal must be an AbortSignal, got ${describe(signal)}`);
  }
  if (headers !== undefined && (typeof headers !== "object" || headers === null)) {
    throw new ConfigError(`${operationId}: headers must be an object of strings, got ${describe(headers)}`);
  }
  checkRetryOptions(given, operationId);
  return given as CallOptions;
}

// Timers cannot wait longer than 2^31-1 ms; a larger value would fire at once.
const MAX_TIMER_MS = 2 ** 31 - 1;

/** Throws ConfigError unless `value` is a count from `min` up, or (`durationMs`) a timer-safe duration. */
export function checkWholeNumber(value: unknown, name: string, where: string, min: number, durationMs: boolean): void {
  const max = durationMs ? MAX_TIMER_MS : Number.MAX_SAFE_INTEGER;
  if (typeof value === "number" && Number.isInteger(value) && value >= min && value <= max) return;
  const kind = durationMs ? `a whole number of milliseconds from ${min} to ${max}` : `a whole number, ${min} or more`;
  throw new ConfigError(`${where}: ${name} must be ${kind}, got ${describe(value)}`);
}

/** Shared by client creation and calls: retry and timeout options must be sane numbers. */
export function checkRetryOptions(options: Record<string, unknown>, where: string): void {
  if (options.maxRetries !== undefined) checkWholeNumber(options.maxRetries, "maxRetries", where, 0, false);
  for (const name of ["timeoutMs", "retryBaseDelayMs", "retryMaxDelayMs", "maxRetryAfterMs"]) {
    if (options[name] !== undefined) checkWholeNumber(options[name], name, where, 1, true);
  }
  const flag = options.retryNonIdempotent;
  if (flag !== undefined && typeof flag !== "boolean") {
    throw new ConfigError(`${where}: retryNonIdempotent must be a boolean, got ${describe(flag)}`);
  }
}

function describe(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value);
  if (Array.isArray(value)) return "an array";
  if (value === null) return "null";
  return typeof value === "object" ? "an object" : `${typeof value} ${String(value)}`;
}
