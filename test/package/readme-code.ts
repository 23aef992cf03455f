// Every ```ts block of README.md and of every docs/*.md page, checked as a user would paste it
// into a service that installed the packed package: type-checked under the consumer test's
// strictest settings, and the blocks marked ```ts runnable run with node against
// a server.
//
// A block that calls createHathoraClient stands alone; any other block is a fragment and gets
// test/consumer/readme-prelude.ts (visible, next to the other consumer files) in front of it, as one file, so a fragment that
// declares a name the prelude reads (`process`, say) fails as it would in a user's file.
//
// Registered from consumer.test.ts, which compiles the blocks in the same tsc program as its own
// files (test/package/consumer-compile.ts), against the package the global setup installed.
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import type { Compiled } from "./consumer-compile.js";
import { runCommand } from "../helpers/run-command.js";

export interface ReadmeBlock {
  /** The page it is on, relative to the repository: README.md or docs/<page>.md. */
  page?: string;
  /** 1-based line of the opening fence in its page. */
  line: number;
  code: string;
  runnable: boolean;
}

/** The ```ts blocks of a Markdown text; ```ts runnable marks the ones to run. */
export function readmeBlocks(markdown: string): ReadmeBlock[] {
  const blocks: ReadmeBlock[] = [];
  const lines = markdown.split("\n");
  for (let index = 0; index < lines.length; index++) {
    const fence = /^```ts(?:\s+(runnable))?\s*$/.exec(lines[index] ?? "");
    if (!fence) continue;
    const start = index;
    const body: string[] = [];
    while (++index < lines.length && lines[index] !== "```") body.push(lines[index] ?? "");
    blocks.push({ line: start + 1, code: body.join("\n"), runnable: fence[1] === "runnable" });
  }
  return blocks;
}

/** The file a block is checked as: itself, or the prelude and the fragment. */
export function blockSource(block: ReadmeBlock, prelude: string): string {
  const standalone = /\bcreateHathoraClient\s*\(/.test(block.code);
  return `${standalone ? "" : `${prelude}\n`}${block.code}\n`;
}

/** A block of a page, with the file it is checked as (named after its page and line). */
export interface DocumentationBlock extends ReadmeBlock {
  page: string;
  file: string;
}

/** README.md and every docs/*.md, relative to the repository, README first. */
export function documentationPages(repo: string): string[] {
  const docs = join(repo, "docs");
  const pages = existsSync(docs) ? readdirSync(docs).filter((name) => name.endsWith(".md")).sort() : [];
  return ["README.md", ...pages.map((name) => `docs/${name}`)];
}

/** Every ```ts block of the documentation pages, written into `dir` as the file it is checked as. */
export function writeDocumentationBlocks(repo: string, dir: string): DocumentationBlock[] {
  const prelude = readFileSync(join(repo, "test/consumer/readme-prelude.ts"), "utf8");
  const blocks = documentationPages(repo).flatMap((page) =>
    readmeBlocks(readFileSync(join(repo, page), "utf8")).map((block) => ({
      ...block,
      page,
      // The file name carries the page and line of the block, so a failure says which one.
      file: `${page.replace(/\.md$/, "").replace(/\W+/g, "-")}-line-${block.line}.ts`,
    })),
  );
  for (const block of blocks) writeFileSync(join(dir, block.file), blockSource(block, prelude));
  return blocks;
}

export interface ReadmeCodeSetup {
  /** The project the packed package is installed in. */
  app: () => string;
  /** The blocks, written into the project by writeDocumentationBlocks. */
  blocks: () => DocumentationBlock[];
  /** The nodenext program the blocks were compiled in (emitting into `outDir`). */
  compiled: () => Compiled;
  outDir: string;
  /**
   * The base URL the runnable blocks talk to: Prism today; a fake Hathora (hathora-processes/testing)
   * can be put here instead, as all the blocks read is HATHORA_BASE_URL.
   */
  baseUrl: () => string;
}

/** The README-code tests (README.md and docs/*.md), registered inside the caller's describe. */
export function readmeCodeTests(setup: ReadmeCodeSetup): void {
  it("README.md and the docs pages have TypeScript blocks, some of them runnable", () => {
    const blocks = setup.blocks();
    expect(new Set(blocks.map((block) => block.page)).size).toBeGreaterThan(5);
    expect(blocks.filter((block) => block.page === "README.md").length).toBeGreaterThanOrEqual(3);
    expect(blocks.filter((block) => block.runnable).length).toBeGreaterThanOrEqual(2);
  });

  it("every ts block of README.md and docs/*.md type-checks against the packed package (nodenext, strictest settings)", () => {
    const compiled = setup.compiled();
    expect(setup.blocks().map((block) => compiled.diagnosticsOf(block.file)).filter(Boolean)).toEqual([]);
  });

  it("the runnable blocks run against the server and exit 0", async () => {
    const env = { ...process.env, HATHORA_BASE_URL: setup.baseUrl(), HATHORA_TOKEN: "readme-token" };
    for (const block of setup.blocks().filter((each) => each.runnable)) {
      const script = join(setup.outDir, block.file.replace(/\.ts$/, ".js"));
      const result = await runCommand(process.execPath, [script], { cwd: setup.app(), env });
      expect(result.code, `${block.page} line ${block.line}:\n${result.out}`).toBe(0);
    }
  });
}
