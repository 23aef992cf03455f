// Readers of the configuration's values: each checks one value's type and range, and names the
// key when it is wrong.
import { formatPath, ServerConfigError, type ConfigPath } from "./config-error.js";

export type Path = ConfigPath;
type Table = Record<string, unknown>;

const describe = (value: unknown): string => (value === null ? "null" : Array.isArray(value) ? "a list" : typeof value === "string" ? JSON.stringify(value) : typeof value);

/** A mapping (not a list, not null). */
export function readObject(value: unknown, path: Path): Table {
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw new ServerConfigError(path, `must be a mapping, got ${describe(value)}`);
  return value as Table;
}

/** Refuses keys the schema does not have (a typo would otherwise be ignored silently). */
export function knownKeys(table: Table, path: Path, allowed: readonly string[]): void {
  for (const key of Object.keys(table)) {
    if (!allowed.includes(key)) throw new ServerConfigError([...path, key], `unknown key; ${formatPath(path) || "the top level"} takes ${allowed.join(", ")}`);
  }
}

/** A non-empty string, or `fallback` when absent. */
export function readString(value: unknown, path: Path, fallback?: string): string {
  if (value === undefined && fallback !== undefined) return fallback;
  if (value === undefined) throw new ServerConfigError(path, "required");
  if (typeof value !== "string" || value.trim() === "") throw new ServerConfigError(path, `must be a non-empty string, got ${describe(value)}`);
  return value;
}

/** A finite number within bounds, or `fallback` when absent. */
export function readNumber(value: unknown, path: Path, rule: { fallback?: number; min?: number; max?: number; integer?: boolean }): number {
  if (value === undefined && rule.fallback !== undefined) return rule.fallback;
  if (value === undefined) throw new ServerConfigError(path, "required");
  if (typeof value !== "number" || !Number.isFinite(value)) throw new ServerConfigError(path, `must be a number, got ${describe(value)}`);
  if (rule.integer === true && !Number.isInteger(value)) throw new ServerConfigError(path, `must be a whole number, got ${value}`);
  if (rule.min !== undefined && value < rule.min) throw new ServerConfigError(path, `must be at least ${rule.min}, got ${value}`);
  if (rule.max !== undefined && value > rule.max) throw new ServerConfigError(path, `must be at most ${rule.max}, got ${value}`);
  return value;
}

/** A boolean, or `fallback` when absent. */
export function readBoolean(value: unknown, path: Path, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  if (typeof value !== "boolean") throw new ServerConfigError(path, `must be true or false, got ${describe(value)}`);
  return value;
}
