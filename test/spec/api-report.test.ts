// The committed API report (etc/hathora-processes.api.md) catches a change of the exported
// TypeScript surface, including one that comes from the spec: on a copy of the project whose
// openapi.yaml gains a ProcessV3 field, `check:api` fails and shows the field in its diff.
import { execFile } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, expect, it } from "vitest";
import { parse, stringify } from "yaml";

const exec = promisify(execFile);
const repo = fileURLToPath(new URL("../..", import.meta.url));
const tsx = join(repo, "node_modules/tsx/dist/cli.mjs");
const REPORT = "etc/hathora-processes.api.md";
let work: string;

async function run(cwd: string, ...args: string[]): Promise<{ code: number; out: string }> {
  try {
    const { stdout, stderr } = await exec(process.execPath, [tsx, ...args], { cwd });
    return { code: 0, out: stdout + stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, out: failed.stdout + failed.stderr };
  }
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), "hathora-api-report-"));
  for (const path of ["src", "etc", "package.json", "tsconfig.json", "tsconfig.build.json", "api-extractor.json"]) {
    cpSync(join(repo, path), join(work, path), { recursive: true, filter: (source) => !source.includes("generated") });
  }
  symlinkSync(join(repo, "node_modules"), join(work, "node_modules"));
  const spec = parse(readFileSync(join(repo, "openapi.yaml"), "utf8"));
  spec.components.schemas.ProcessV3.properties.region2 = { type: "string", description: "A second region." };
  writeFileSync(join(work, "openapi.yaml"), stringify(spec));
  const generated = await run(repo, "scripts/generate.ts", "--spec", join(work, "openapi.yaml"), "--out", join(work, "src/generated"));
  expect(generated.code, generated.out).toBe(0);
}, 300_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

it("check:api fails on a spec change that changes exported types, and shows it in the report's diff", async () => {
  const check = await run(work, join(repo, "scripts/api-report.ts"));
  expect(check.out).toContain("The exported API changed and etc/hathora-processes.api.md does not show it");
  expect(check.out).toMatch(/^\+\s+region2\?: string;$/m);
  expect(check.code).toBe(1);

  // The new report API Extractor wrote beside it is what `npm run api:update` puts in place
  // (a second run here would double the cost of this test in npm test).
  expect(readFileSync(join(work, ".tmp/api-report-temp/hathora-processes.api.md"), "utf8")).toMatch(/^\s+region2\?: string;$/m);
  expect(readFileSync(join(work, REPORT), "utf8")).not.toContain("region2");
}, 300_000);
