// The bin as the packed package ships it, and the promise that a user of the client never loads
// the CLI: bundling each entry point of the installed package takes in nothing of dist/cli and
// not asciichart.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { build } from "esbuild";
import { beforeAll, describe, expect, it } from "vitest";
import { packedPackage } from "../helpers/packed-package.js";

let consumerDir: string;
beforeAll(async () => {
  ({ consumerDir } = await packedPackage());
});
const installed = () => join(consumerDir, "node_modules/hathora-processes");

/** Every file a bundle of `contents` (resolved from the consumer project) takes in. */
async function bundledFiles(contents: string): Promise<string[]> {
  const result = await build({
    stdin: { contents, resolveDir: consumerDir, sourcefile: "entry.mjs" },
    bundle: true,
    format: "esm",
    platform: "node",
    external: ["@opentelemetry/api"],
    write: false,
    metafile: true,
    logLevel: "silent",
  });
  return Object.keys(result.metafile.inputs);
}

describe("the packed bin", () => {
  it("is declared in package.json and shipped with a node shebang", () => {
    const manifest = JSON.parse(readFileSync(join(installed(), "package.json"), "utf8")) as { bin: Record<string, string>; dependencies: Record<string, string> };
    expect(manifest.bin).toEqual({ "hathora-processes": "./dist/cli/main.js", "hathora-processes-server": "./dist/server/cli.js" });
    expect(readFileSync(join(installed(), "dist/cli/main.js"), "utf8")).toMatch(/^#!\/usr\/bin\/env node\n/);
    // The chart library is the CLI's one runtime dependency of its own, at an exact version.
    expect(manifest.dependencies.asciichart).toMatch(/^\d+\.\d+\.\d+$/);
  });
});

describe.concurrent("importing the package does not load the CLI", () => {
  for (const entry of ["hathora-processes", "hathora-processes/testing", "hathora-processes/opentelemetry"]) {
    it(`a bundle of everything ${entry} exports takes in no file of dist/cli and not asciichart`, async () => {
      const files = await bundledFiles(`export * from "${entry}";`);
      // The check can fail: the bundle does take in the package's own files.
      expect(files.some((file) => file.includes("node_modules/hathora-processes/dist/"))).toBe(true);
      expect(files.filter((file) => file.includes("/dist/cli/") || file.includes("asciichart"))).toEqual([]);
    });
  }

  it("while a bundle of the bin does take in both", async () => {
    const files = await bundledFiles(`import ${JSON.stringify(join(installed(), "dist/cli/main.js"))};`);
    expect(files.some((file) => file.includes("/dist/cli/run.js"))).toBe(true);
    expect(files.some((file) => file.includes("asciichart"))).toBe(true);
  });
});
