/**
 * Milliseconds to wait according to a `Retry-After` header: delay-seconds (`"120"`, also
 * fractional) or an HTTP-date. Undefined when the header is absent or unreadable; 0 for a
 * date in the past.
 */
export function parseRetryAfter(header: string | null, now: number = Date.now()): number | undefined {
  if (header === null) return undefined;
  const value = header.trim();
  if (/^\d+(\.\d+)?$/.test(value)) return Math.round(Number(value) * 1000);
  // HTTP-dates always name a weekday and the GMT zone; Date.parse reads both forms in use.
  if (!/[a-z]{3}.*GMT$/i.test(value)) return undefined;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
