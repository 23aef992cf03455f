// The maintainer's chain: edit openapi.yaml -> npm run generate -> tsc points at the wrappers
// that no longer fit. Proven on a temporary copy of the spec and the source tree, with one
// field renamed (ProcessV3.status -> state). The unchanged spec is the control, and `npm test`
// checks it already, without a copy: `check:generated` regenerates src/generated from
// openapi.yaml and requires the committed files byte for byte, and `typecheck` compiles them with
// the wrappers; so the errors below come from the rename, nothing else.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { generateFiles } from "../../scripts/generate/files.js";
import { runCommand } from "../helpers/run-command.js";

const repo = fileURLToPath(new URL("../..", import.meta.url));
const tsx = join(repo, "node_modules/tsx/dist/cli.mjs");
const tsc = join(repo, "node_modules/typescript/bin/tsc");

const run = (args: string[], cwd = repo) => runCommand(process.execPath, args, { cwd });

/** A copy of src/ (wrappers, index) with a fresh src/generated/ made from `spec`. */
async function treeFrom(spec: Record<string, any>, dir: string): Promise<string> {
  cpSync(join(repo, "src"), join(dir, "src"), { recursive: true, filter: (path) => !path.includes("generated") });
  symlinkSync(join(repo, "node_modules"), join(dir, "node_modules"));
  writeFileSync(join(dir, "openapi.yaml"), stringify(spec));
  writeFileSync(join(dir, "package.json"), JSON.stringify({ type: "module" }));
  const tsconfig = JSON.parse(readFileSync(join(repo, "tsconfig.json"), "utf8").replace(/^\s*\/\/.*$/gm, ""));
  writeFileSync(join(dir, "tsconfig.json"), JSON.stringify({ compilerOptions: tsconfig.compilerOptions, include: ["src"] }));
  // What `npm run generate -- --spec --out` writes (in this process; the command itself is run below).
  mkdirSync(join(dir, "src/generated"), { recursive: true });
  for (const [name, content] of Object.entries(await generateFiles(join(dir, "openapi.yaml")))) writeFileSync(join(dir, "src/generated", name), content);
  return dir;
}

function renameStatus(spec: Record<string, any>): Record<string, any> {
  const process = spec.components.schemas.ProcessV3;
  process.properties.state = process.properties.status;
  delete process.properties.status;
  process.required = process.required.map((name: string) => (name === "status" ? "state" : name));
  for (const example of [process.example, spec.paths["/processes/v3/apps/{appId}/processes/regions/{region}"].post.responses["201"].content["application/json"].example]) {
    example.state = example.status;
    delete example.status;
  }
  return spec;
}

let work: string;
let renamed: string;
const original = () => parse(readFileSync(join(repo, "openapi.yaml"), "utf8"));

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), "hathora-regenerate-"));
  renamed = await treeFrom(renameStatus(original()), join(work, "renamed"));
}, 300_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("editing openapi.yaml", () => {
  it("changes the generated types when a field is renamed", () => {
    const schema = readFileSync(join(renamed, "src/generated/schema.ts"), "utf8");
    expect(schema).not.toBe(readFileSync(join(repo, "src/generated/schema.ts"), "utf8"));
    expect(schema).toMatch(/ProcessV3: \{[^}]*\bstate: components\["schemas"\]\["ProcessStatus"\]/);
  });

  it("makes the staleness check fail until src/generated is regenerated", async () => {
    const check = await run([tsx, "scripts/generate.ts", "--check", "--spec", join(renamed, "openapi.yaml")]);
    expect(check.code).toBe(1);
    expect(check.out).toContain("Stale against openapi.yaml: src/generated/schema.ts");
  });

  it("makes tsc point at the wrappers that no longer fit", async () => {
    const broken = await run([tsc, "-p", join(renamed, "tsconfig.json")]);
    expect(broken.code).not.toBe(0);
    // waitForProcess reads `status` of every process it polls.
    expect(broken.out).toMatch(/src\/wrappers\/methods\/wait-for-process\.ts\(\d+,\d+\): error TS\d+: Property 'status' does not exist/);
  });
});
