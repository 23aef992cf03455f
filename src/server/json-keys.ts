// JSON.parse keeps the last of two equal keys without a word; a configuration with `port` twice
// is a mistake to report. This walks the JSON text (already known to parse) and returns the key
// path of the first key that appears twice in one object.
import type { ConfigPath } from "./config-error.js";

/** The path of the first duplicated key in a valid JSON text, or undefined. */
export function firstDuplicateKey(text: string): ConfigPath | undefined {
  let at = 0;
  const space = () => {
    while (/\s/.test(text[at] ?? "")) at++;
  };
  const string = (): string => {
    const start = at;
    at++;
    while (text[at] !== '"') at += text[at] === "\\" ? 2 : 1;
    at++;
    return JSON.parse(text.slice(start, at)) as string;
  };
  const value = (path: ConfigPath): ConfigPath | undefined => {
    space();
    const char = text[at];
    if (char === "{") {
      at++;
      const seen = new Set<string>();
      for (space(); text[at] !== "}"; space()) {
        if (text[at] === ",") {
          at++;
          space();
        }
        const key = string();
        if (seen.has(key)) return [...path, key];
        seen.add(key);
        space();
        at++; // the colon
        const found = value([...path, key]);
        if (found !== undefined) return found;
      }
      at++;
      return undefined;
    }
    if (char === "[") {
      at++;
      for (let index = 0; (space(), text[at] !== "]"); index++) {
        if (text[at] === ",") at++;
        const found = value([...path, index]);
        if (found !== undefined) return found;
      }
      at++;
      return undefined;
    }
    if (char === '"') return void string();
    while (at < text.length && !/[\s,\]}]/.test(text[at] ?? "")) at++;
    return undefined;
  };
  return value([]);
}
