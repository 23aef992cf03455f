// Reads a configuration file: JSON (`.json`) needs nothing more; YAML (anything else) needs the
// optional `yaml` package. A key written twice in one mapping is an error naming it, in both.
import { readFile } from "node:fs/promises";
import { ServerConfigError, type ConfigPath } from "./config-error.js";
import { firstDuplicateKey } from "./json-keys.js";
import { importOptional } from "./optional-import.js";

type YamlModule = typeof import("yaml");

/** The parsed file, not yet checked (see `resolveConfig`). */
export async function loadConfigFile(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    throw new ServerConfigError([], `cannot read ${file}: ${(error as Error).message}`);
  }
  return file.endsWith(".json") ? parseJson(text, file) : parseYaml(text, file);
}

function parseJson(text: string, file: string): unknown {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ServerConfigError([], `${file} is not valid JSON: ${(error as Error).message}`);
  }
  const duplicate = firstDuplicateKey(text);
  if (duplicate !== undefined) throw new ServerConfigError(duplicate, "appears twice in one mapping; write it once");
  return value;
}

async function parseYaml(text: string, file: string): Promise<unknown> {
  const yaml = await importOptional<YamlModule>("yaml", `the YAML config ${file} (a .json config needs nothing)`);
  const document = yaml.parseDocument(text, { uniqueKeys: false, prettyErrors: false });
  const [problem] = document.errors;
  if (problem !== undefined) throw new ServerConfigError([], `${file} is not valid YAML: ${problem.message.split("\n")[0] ?? ""}`);
  const duplicate = duplicateIn(yaml, document.contents, []);
  if (duplicate !== undefined) throw new ServerConfigError(duplicate, "appears twice in one mapping; write it once");
  return document.toJS();
}

/** The path of the first key written twice in one YAML mapping. */
function duplicateIn(yaml: YamlModule, node: unknown, path: ConfigPath): ConfigPath | undefined {
  if (yaml.isMap(node)) {
    const seen = new Set<string>();
    for (const pair of node.items) {
      const key = String(yaml.isScalar(pair.key) ? pair.key.value : pair.key);
      if (seen.has(key)) return [...path, key];
      seen.add(key);
      const found = duplicateIn(yaml, pair.value, [...path, key]);
      if (found !== undefined) return found;
    }
  }
  if (yaml.isSeq(node)) {
    for (const [index, item] of node.items.entries()) {
      const found = duplicateIn(yaml, item, [...path, index]);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}
