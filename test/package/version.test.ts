// One version number: package.json, openapi.yaml's info.version, the generated specVersion
// (sent in the User-Agent) and the newest CHANGELOG.md entry.
import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { parse } from "yaml";
import { specVersion } from "../../src/generated/operations.js";

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), "utf8");

it("package.json, openapi.yaml, the generated code and CHANGELOG.md agree on the version", () => {
  const { version } = JSON.parse(read("package.json")) as { version: string };
  expect(version).toMatch(/^\d+\.\d+\.\d+/);
  expect(parse(read("openapi.yaml")).info.version).toBe(version);
  expect(specVersion).toBe(version);
  expect(/^## (\S+)/m.exec(read("CHANGELOG.md"))?.[1]).toBe(version);
});
