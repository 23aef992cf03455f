// The ```ts blocks of the docs/ pages listed here, type-checked as the README's are (a block that
// creates no client gets test/consumer/readme-prelude.ts in front of it), against the public
// exports: `hathora-processes` is src/index.ts by `paths`, under the project's strict settings.
// The README's own blocks are checked against the packed package by the consumer test.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { blockSource, readmeBlocks } from "../package/readme-code.js";
import { runCommand } from "../helpers/run-command.js";

const repo = fileURLToPath(new URL("../..", import.meta.url));
const PAGES = ["docs/listing-and-edges.md"];
const work = join(repo, ".tmp", `docs-pages-code-${process.pid}`);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("the docs pages' TypeScript", () => {
  it("every ts block of each page type-checks against the public exports", async () => {
    mkdirSync(work, { recursive: true });
    const prelude = readFileSync(join(repo, "test/consumer/readme-prelude.ts"), "utf8");
    const files: string[] = [];
    for (const page of PAGES) {
      const blocks = readmeBlocks(readFileSync(join(repo, page), "utf8"));
      expect(blocks.length, page).toBeGreaterThan(0);
      for (const block of blocks) {
        // The file name carries the page and line of the block, so a failure says which one.
        const file = `${page.replace(/\W+/g, "-")}-line-${block.line}.ts`;
        writeFileSync(join(work, file), blockSource(block, prelude));
        files.push(file);
      }
    }
    const tsconfig = {
      extends: "../../tsconfig.json",
      compilerOptions: { noEmit: true, paths: { "hathora-processes": ["../../src/index.ts"], "hathora-processes/opentelemetry": ["../../src/opentelemetry/index.ts"], "hathora-processes/testing": ["../../src/testing/index.ts"] } },
      include: [],
      files,
    };
    writeFileSync(join(work, "tsconfig.json"), JSON.stringify(tsconfig));
    const result = await runCommand(process.execPath, [join(repo, "node_modules/typescript/bin/tsc"), "-p", join(work, "tsconfig.json")], { cwd: work });
    expect(result.out).toBe("");
    expect(result.code).toBe(0);
  });
});
