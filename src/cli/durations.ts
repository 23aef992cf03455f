// Durations on the command line: "90s", "5m", "1h", "2d", "500ms"; a bare number is seconds.
import { UsageError } from "./usage-error.js";

const UNIT_MS: Record<string, number> = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };
// Timers cannot wait longer than 2^31-1 ms (about 24.8 days).
const MAX_MS = 2 ** 31 - 1;

/** `text` in milliseconds; UsageError naming `option` when it is not a positive duration. */
export function parseDuration(text: string, option: string): number {
  const match = /^(\d+(?:\.\d+)?)(ms|s|m|h|d)?$/.exec(text.trim());
  const ms = match ? Math.round(Number(match[1]) * (UNIT_MS[match[2] ?? "s"] ?? 1_000)) : NaN;
  if (!(ms >= 1 && ms <= MAX_MS)) {
    throw new UsageError(`--${option} must be a duration such as 90s, 5m or 1h (at most 24 days), got "${text}"`);
  }
  return ms;
}

/** A whole number of at least 1; UsageError naming `option` otherwise. */
export function parsePositiveInteger(text: string, option: string): number {
  const value = /^\d+$/.test(text.trim()) ? Number(text) : NaN;
  if (!(Number.isSafeInteger(value) && value >= 1)) throw new UsageError(`--${option} must be a whole number of at least 1, got "${text}"`);
  return value;
}
