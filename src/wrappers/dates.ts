// Timestamps arrive as ISO strings. withDates turns the date-time fields of a schema object
// into Dates; which fields those are comes from openapi.yaml, through the generated
// `dateTimeFields`, so a new timestamp in the spec is converted (and typed) with no change here.
import { dateTimeFields } from "../generated/operations.js";
import type { components } from "../generated/schema.js";
import { HathoraError } from "./errors/hathora-error.js";

/** The schemas that have date-time fields (ProcessV2 and ProcessV3 today). */
export type DatedSchema = components["schemas"][keyof typeof dateTimeFields];

/** The names of the date-time fields of a dated schema `T`. */
export type DateTimeFieldOf<T> = {
  [Name in keyof typeof dateTimeFields]: T extends components["schemas"][Name] ? (typeof dateTimeFields)[Name][number] : never;
}[keyof typeof dateTimeFields];

/** `T` with each date-time field as a `Date`, or `Date | null` where the spec makes it nullable. */
export type WithDates<T extends DatedSchema> = {
  [Key in keyof T]: Key extends DateTimeFieldOf<T> ? (null extends T[Key] ? Date | null : Date) : T[Key];
};

const FIELDS: ReadonlySet<string> = new Set(Object.values(dateTimeFields).flat());
// RFC 3339 date-time, as `format: date-time` requires: a T and a Z or an offset.
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i;

/** A copy of `value` with its date-time fields as Dates; null stays null. The input is not changed. */
export function withDates<T extends DatedSchema>(value: T): WithDates<T> {
  const copy: Record<string, unknown> = { ...value };
  for (const [key, field] of Object.entries(copy)) {
    if (!FIELDS.has(key) || field === null || field === undefined) continue;
    if (typeof field !== "string" || !DATE_TIME.test(field)) {
      throw new HathoraError(`withDates: ${key} is not an ISO 8601 date-time: ${JSON.stringify(field)}`);
    }
    copy[key] = new Date(field);
  }
  return copy as WithDates<T>;
}
