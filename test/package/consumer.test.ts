// The package as a service installs it (the global setup packs it and installs the tarball into
// a fresh project with the README's commands): type-check and run a service file there, load it
// from CommonJS, and lint the package with publint and arethetypeswrong. Nothing here imports
// from src/.
import { execFile } from "node:child_process";
import { copyFileSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import SwaggerParser from "@apidevtools/swagger-parser";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { parse } from "yaml";
import { packedPackage } from "../helpers/packed-package.js";
import { runCommand } from "../helpers/run-command.js";
import { compile, type Compiled, writeTsconfig } from "./consumer-compile.js";
import { type DocumentationBlock, readmeCodeTests, writeDocumentationBlocks } from "./readme-code.js";

const exec = promisify(execFile);
const repo = fileURLToPath(new URL("../..", import.meta.url));
const bin = (path: string) => join(repo, "node_modules", path);
const tsc = bin("typescript/bin/tsc");
const OUT = "out";

let app: string;
let tarball: string;
let blocks: DocumentationBlock[];
// One nodenext program over every file below (broken.ts included: its errors are its own), and
// the service again under bundler resolution; the two run side by side.
let nodenext: Compiled;
let bundler: Compiled;

const run = (file: string, args: string[], cwd: string) => runCommand(file, args, { cwd });

beforeAll(async () => {
  ({ consumerDir: app, tarball } = await packedPackage());
  for (const file of ["service.ts", "broken.ts", "require-check.cjs", "tracing.ts", "allocator.ts", "allocator.test.ts"]) copyFileSync(join(repo, "test/consumer", file), join(app, file));
  // The allocator suite runs with vitest, as a project's own devDependency (linked by the setup).
  blocks = writeDocumentationBlocks(repo, app);
  const files = ["service.ts", "tracing.ts", "allocator.test.ts", "broken.ts", ...blocks.map((block) => block.file)];
  [nodenext, bundler] = await Promise.all([
    compile(app, tsc, writeTsconfig(app, "tsconfig.nodenext.json", files, { module: "NodeNext", moduleResolution: "NodeNext", outDir: OUT })),
    // The package's declarations are checked in full by the nodenext program; here what matters is
    // that the service resolves and checks under bundler resolution (skipLibCheck halves the cost).
    compile(app, tsc, writeTsconfig(app, "tsconfig.bundler.json", ["service.ts"], { module: "ESNext", moduleResolution: "Bundler", noEmit: true, skipLibCheck: true })),
  ]);
}, 240_000);

describe("the packed package", () => {
  it("ships only what users need", async () => {
    const { stdout } = await exec("tar", ["-tzf", tarball]);
    const files = stdout.trim().split("\n").map((file) => file.replace(/^package\//, ""));
    for (const needed of ["package.json", "README.md", "LICENSE", "CHANGELOG.md", "openapi.yaml", "dist/openapi.json", "dist/index.js", "dist/index.d.ts", "dist/index.d.ts.map", "src/index.ts", "dist/testing/index.js", "dist/testing/index.d.ts", "dist/redis/index.js", "dist/redis/index.d.ts"]) {
      expect(files).toContain(needed);
    }
    expect(files.filter((file) => /^(test|scripts|node_modules|dist\/docs)\//.test(file) || file.startsWith("."))).toEqual([]);
  });

  it("type-checks a service using every operation under nodenext resolution", () => {
    expect(nodenext.diagnosticsOf("service.ts")).toBe("");
    // Only the deliberately broken file has errors in the program (each file's own are checked by its test).
    expect(nodenext.filesWithDiagnostics().filter((file) => file !== "broken.ts" && !file.startsWith("README-") && !file.startsWith("docs-"))).toEqual([]);
  });

  it("type-checks the same service under bundler resolution", () => {
    expect(bundler.out).toBe("");
    expect(bundler.code).toBe(0);
  });

  it("rejects a file with deliberate type errors, so the check can fail", () => {
    expect(nodenext.code).not.toBe(0);
    const broken = nodenext.diagnosticsOf("broken.ts");
    expect(broken).toMatch(/broken\.ts\(6,\d+\): error TS2561: .*'processID'/);
    expect(broken).toMatch(/broken\.ts\(8,\d+\): error TS2322: Type 'string' is not assignable to type 'number'/);
    expect(broken).toMatch(/broken\.ts\(9,\d+\): error TS2322: Type 'number' is not assignable to type/);
  });

  it("runs the service with node against Prism", async () => {
    // The nodenext check above emitted out/service.js.
    const result = await run(process.execPath, ["out/service.js", inject("prismUrl")], app);
    expect(result.code, result.out).toBe(0);
    expect(JSON.parse(result.out)).toEqual({
      ready: "running",
      created: "starting",
      fetched: "running",
      waited: "running",
      latest: 1,
      count: 3,
      metrics: ["activeConnections", "cpu", "memory"],
      stopped: true,
      v2: ["starting", 1, 1, 3, "running"],
      port: "1.proxy.hathora.dev:34567",
      createdAt: "2024-10-24T21:50:58.093Z",
      startedAt: "2024-10-24T21:51:23.585Z",
      firstCpu: 0.27,
      notFound: "NotFoundError 404 GetProcess",
      noAppId: "ConfigError",
      classes: true,
    });
  });

  it("loads from CommonJS with require() on this Node", async () => {
    const result = await run(process.execPath, ["require-check.cjs", inject("prismUrl")], app);
    expect(result.code, result.out).toBe(0);
    expect(JSON.parse(result.out.trim().split("\n").pop() ?? "")).toEqual({ status: "running", notFound: true });
  });

  it("passes publint (strict) and arethetypeswrong (esm-only profile) with no problems", async () => {
    const publint = await run(process.execPath, [bin("publint/src/cli.js"), "run", tarball, "--strict"], app);
    expect(publint.out).toContain("All good!");
    expect(publint.code).toBe(0);
    // openapi.yaml is a data file for other languages' generators, not a module TypeScript could resolve.
    const attwArgs = [tarball, "--profile", "esm-only", "--exclude-entrypoints", "./openapi.yaml", "--format", "ascii"];
    const attw = await run(process.execPath, [bin("@arethetypeswrong/cli/dist/index.js"), ...attwArgs], app);
    // attw exits 1 on any problem the profile does not ignore (the profile ignores CommonJS
    // resolution: types for require() of an ESM package).
    expect(attw.code, attw.out).toBe(0);
    expect(attw.out).toContain("node16 (from ESM): 🟢 (ESM)");
    expect(attw.out).toMatch(/bundler: 🟢/);
  });
});

describe("hathora-processes/opentelemetry", () => {
  it("the setup docs/logging-and-tracing.md shows is tracing.ts, which type-checks and writes a span per operation and attempt under the caller's", async () => {
    const page = readFileSync(join(repo, "docs/logging-and-tracing.md"), "utf8");
    const block = /## OpenTelemetry[\s\S]*?```ts\n([\s\S]*?)```/.exec(page)?.[1];
    expect(block).toBeDefined();
    expect(readFileSync(join(repo, "test/consumer/tracing.ts"), "utf8")).toContain(block);
    expect(nodenext.diagnosticsOf("tracing.ts")).toBe("");
    const result = await run(process.execPath, ["out/tracing.js", inject("prismUrl")], app);
    expect(result.code, result.out).toBe(0);
    expect(JSON.parse(result.out)).toEqual([
      { name: "GET /processes/v3/apps/{appId}/processes/{processId}", parent: "GetProcess", status: 200 },
      { name: "GetProcess", parent: "allocate", status: 200 },
      { name: "allocate", parent: null, status: null },
    ]);
  });
});

describe("the allocator suite of docs/testing.md against hathora-processes/testing", () => {
  it("type-checks (strict, nodenext) and passes, the whole file in under 2 s of wall time", async () => {
    expect(nodenext.diagnosticsOf("allocator.test.ts") + nodenext.diagnosticsOf("allocator.ts")).toBe("");
    const vitest = await run(process.execPath, [join(app, "node_modules/vitest/vitest.mjs"), "run", "allocator.test.ts", "--reporter=json", "--outputFile=allocator.json"], app);
    expect(vitest.code, vitest.out).toBe(0);
    const report = JSON.parse(readFileSync(join(app, "allocator.json"), "utf8"));
    expect([report.numPassedTests, report.numFailedTests]).toEqual([6, 0]);
    const [file] = report.testResults;
    const wallMs = file.endTime - file.startTime;
    console.log(`allocator.test.ts against the packed package: ${report.numPassedTests} tests, ${wallMs} ms of wall time for the file`);
    expect(wallMs).toBeLessThan(2_000);
  }, 120_000);

  it("is the test docs/testing.md shows, word for word", () => {
    const page = readFileSync(join(repo, "docs/testing.md"), "utf8");
    for (const file of ["allocator.ts", "allocator.test.ts"]) expect(page).toContain(readFileSync(join(repo, "test/consumer", file), "utf8").trim());
  });
});

describe("the code of README.md and docs/", () => {
  readmeCodeTests({ app: () => app, blocks: () => blocks, compiled: () => nodenext, outDir: OUT, baseUrl: () => inject("prismUrl") });
});

describe("the published spec", () => {
  const installed = () => join(app, "node_modules/hathora-processes");

  it("resolves as hathora-processes/openapi.yaml and hathora-processes/openapi.json", async () => {
    const script = 'console.log(import.meta.resolve("hathora-processes/openapi.json"), import.meta.resolve("hathora-processes/openapi.yaml"))';
    const result = await run(process.execPath, ["--input-type=module", "-e", script], app);
    expect(result.code, result.out).toBe(0);
    expect(result.out).toMatch(/node_modules\/hathora-processes\/dist\/openapi\.json .*node_modules\/hathora-processes\/openapi\.yaml/);
  });

  it("openapi.json is the bundled openapi.yaml, with components kept named", () => {
    const bundled = JSON.parse(readFileSync(join(installed(), "dist/openapi.json"), "utf8"));
    expect(bundled).toEqual(parse(readFileSync(join(repo, "openapi.yaml"), "utf8")));
    expect(bundled.paths["/processes/v3/apps/{appId}/processes/{processId}"].get.responses["200"].content["application/json"].schema).toEqual({
      $ref: "#/components/schemas/ProcessV3",
    });
  });

  it("passes a second, independent validator (swagger-parser)", async () => {
    const api = await SwaggerParser.validate(join(installed(), "dist/openapi.json"));
    expect(api.info.title).toBe("Hathora Cloud Processes API");
    expect("openapi" in api && api.openapi).toBe("3.0.3");
  });
});
