// The small table helper every kind of options is built on: a check per option, a default per
// setting, one way to reject a misspelt name, and one way to show a bad value in a message.
// The client's, a call's and a wait's options (client-options.ts, call-options.ts,
// wait-options.ts) are each one table of these.
import { ConfigError } from "../errors/config-error.js";

/** A check returns what is wrong with a value, or undefined when it is fine. */
export type Check = (value: unknown) => string | undefined;
/** Options `T` as resolved: every one present, `undefined` no longer allowed. */
export type Resolved<T> = { [Key in keyof T]-?: Exclude<T[Key], undefined> };

/** A setting with a documented default. */
export interface Setting<T> {
  default: T;
  check: Check;
}

// Timers cannot wait longer than 2^31-1 ms; a larger value would fire at once.
const MAX_TIMER_MS = 2 ** 31 - 1;

export const wholeNumber =
  (min: number): Check =>
  (value) =>
    typeof value === "number" && Number.isInteger(value) && value >= min && value <= Number.MAX_SAFE_INTEGER ? undefined : `must be a whole number, ${min} or more`;
export const milliseconds =
  (min: number): Check =>
  (value) =>
    typeof value === "number" && Number.isInteger(value) && value >= min && value <= MAX_TIMER_MS
      ? undefined
      : `must be a whole number of milliseconds from ${min} to ${MAX_TIMER_MS}`;
export const boolean: Check = (value) => (typeof value === "boolean" ? undefined : "must be a boolean");
export const nonEmptyString: Check = (value) => (typeof value === "string" && value !== "" ? undefined : "must be a non-empty string");
export const aFunction: Check = (value) => (typeof value === "function" ? undefined : "must be a function");
export const hasMethods =
  (...names: string[]): Check =>
  (value) =>
    typeof value === "object" && value !== null && names.every((name) => typeof (value as Record<string, unknown>)[name] === "function")
      ? undefined
      : `must be an object with the functions ${names.join(", ")}`;

/** Every setting of `table` from `options`: each given one checked, each missing one defaulted. */
export function resolveSettings<T>(table: { [Key in keyof T]: Setting<T[Key]> }, options: object, where: string): T {
  const given = options as Record<string, unknown>;
  const resolved = {} as T;
  for (const name of Object.keys(table) as Array<keyof T & string>) {
    const value = given[name];
    if (value === undefined) {
      resolved[name] = table[name].default;
    } else {
      failIf(table[name].check(value), name, value, where);
      resolved[name] = value as T[typeof name];
    }
  }
  return resolved;
}

/**
 * The one check for misspelt options, of the client, of a call and of a wait: a ConfigError
 * naming the unknown option and listing the known ones.
 */
export function rejectUnknownOptions(options: object, isKnown: (name: string) => boolean, knownNames: readonly string[], where: string): void {
  for (const name of Object.keys(options)) {
    if (!isKnown(name)) throw new ConfigError(`${where}: unknown option "${name}"; known options: ${knownNames.join(", ")}`);
  }
}

/** Throws the ConfigError a check's `problem` amounts to, naming the option and its value. */
export function failIf(problem: string | undefined, name: string, value: unknown, where: string): void {
  if (problem) throw new ConfigError(`${where}: ${name} ${problem}, got ${describeValue(value)}`);
}

/** A value as an error message shows it: short, and never a whole object. */
export function describeValue(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value);
  if (Array.isArray(value)) return "an array";
  if (value === null) return "null";
  return typeof value === "object" ? "an object" : `${typeof value} ${String(value)}`;
}
