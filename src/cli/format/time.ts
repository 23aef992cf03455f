// Times for people: local wall-clock time, and ages such as "3 min".

const two = (n: number) => String(n).padStart(2, "0");

/** `2026-01-01 13:04:05` in the local time zone. */
export function localTime(date: Date): string {
  return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())} ${localClock(date)}`;
}

/** `13:04:05` in the local time zone. */
export function localClock(date: Date): string {
  return `${two(date.getHours())}:${two(date.getMinutes())}:${two(date.getSeconds())}`;
}

/** A span as a person says it: `12 s`, `3 min`, `5 h`, `4 days` (rounded down). */
export function span(ms: number): string {
  const seconds = Math.floor(Math.max(0, ms) / 1000);
  if (seconds < 60) return `${seconds} s`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min`;
  if (seconds < 48 * 3600) return `${Math.floor(seconds / 3600)} h`;
  return `${Math.floor(seconds / 86_400)} days`;
}

/** `3 min ago`, or `in 3 min` for a time still to come. */
export function relative(date: Date, now: number): string {
  const ms = now - date.getTime();
  return ms >= 0 ? `${span(ms)} ago` : `in ${span(-ms)}`;
}

/** An ISO time stamp as `2026-01-01 13:04:05 (3 min ago)`; text that is not a time stays as it is. */
export function timestamp(iso: string, now: number): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : `${localTime(date)} (${relative(date, now)})`;
}
