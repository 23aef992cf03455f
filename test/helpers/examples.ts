// The spec's own examples, read from openapi.yaml, so tests compare against the source of truth.
import { readFileSync } from "node:fs";
import { parse } from "yaml";

const spec = parse(readFileSync(new URL("../../openapi.yaml", import.meta.url), "utf8"));

export const schemaExample = (name: string): unknown => spec.components.schemas[name].example;

export const responseExample = (path: string, method: string, status: string): unknown => {
  const response = spec.paths[path][method].responses[status];
  const resolved = response.$ref ? spec.components.responses[response.$ref.split("/").pop()] : response;
  return resolved.content["application/json"].example;
};

export const openapi = spec as Record<string, any>;
