// Reads an OpenAPI document from a file, or from git when the argument is not a file: `<ref>`
// means `<ref>:openapi.yaml`, `<ref>:<path>` names another file at that commit.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { parse } from "yaml";

export type Json = Record<string, any>;

export interface LoadedSpec {
  doc: Json;
  /** What was read, for the report's first line: a path, or `ref:path`. */
  label: string;
}

export function parseSpec(text: string, label: string): Json {
  const doc = parse(text) as unknown;
  if (!doc || typeof doc !== "object" || !("openapi" in doc)) throw new Error(`${label} is not an OpenAPI document.`);
  return doc as Json;
}

export function loadSpec(source: string, cwd = process.cwd()): LoadedSpec {
  const file = resolve(cwd, source);
  if (existsSync(file)) return { doc: parseSpec(readFileSync(file, "utf8"), source), label: source };
  const object = source.includes(":") ? source : `${source}:openapi.yaml`;
  let text: string;
  try {
    text = execFileSync("git", ["show", object], { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], maxBuffer: 64 * 1024 * 1024 });
  } catch {
    throw new Error(`${source} is neither a file nor a git object (tried \`git show ${object}\`).`);
  }
  return { doc: parseSpec(text, object), label: object };
}
