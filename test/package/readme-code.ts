// Every ```ts block of README.md and of every docs/*.md page, checked as a user would paste it
// into a service that installed the packed package: type-checked under the consumer test's
// strictest settings, in one tsc run, and the blocks marked ```ts runnable run with node against
// a server.
//
// A block that calls createHathoraClient stands alone; any other block is a fragment and gets
// test/consumer/readme-prelude.ts (visible, next to the other consumer files) in front of it, as one file, so a fragment that
// declares a name the prelude reads (`process`, say) fails as it would in a user's file.
//
// Registered from consumer.test.ts, so that it reuses that file's packed and installed package
// instead of packing a second time.
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
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

export interface ReadmeCodeSetup {
  /** The project the packed package is installed in. */
  app: () => string;
  repo: string;
  tsc: string;
  /** Writes a tsconfig with the consumer test's strictest settings; returns its name. */
  tsconfig: (name: string, files: string[], compilerOptions: Record<string, unknown>) => string;
  /**
   * The base URL the runnable blocks talk to: Prism today; a fake Hathora (hathora-processes/testing)
   * can be put here instead, as all the blocks read is HATHORA_BASE_URL.
   */
  baseUrl: () => string;
}

/** README.md and every docs/*.md, relative to the repository, README first. */
export function documentationPages(repo: string): string[] {
  const docs = join(repo, "docs");
  const pages = existsSync(docs) ? readdirSync(docs).filter((name) => name.endsWith(".md")).sort() : [];
  return ["README.md", ...pages.map((name) => `docs/${name}`)];
}

/** The README-code tests (README.md and docs/*.md), registered inside the caller's describe. */
export function readmeCodeTests(setup: ReadmeCodeSetup): void {
  const prelude = readFileSync(join(setup.repo, "test/consumer/readme-prelude.ts"), "utf8");
  const pages = documentationPages(setup.repo);
  const blocks = pages.flatMap((page) => readmeBlocks(readFileSync(join(setup.repo, page), "utf8")).map((block) => ({ ...block, page })));
  // The file names carry the page and line of each block, so a failure says which one.
  const fileOf = (block: ReadmeBlock) => `${(block.page ?? "README.md").replace(/\.md$/, "").replace(/\W+/g, "-")}-line-${block.line}.ts`;

  it("README.md and the docs pages have TypeScript blocks, some of them runnable", () => {
    expect(pages.length).toBeGreaterThan(5);
    expect(blocks.filter((block) => block.page === "README.md").length).toBeGreaterThanOrEqual(3);
    expect(blocks.filter((block) => block.runnable).length).toBeGreaterThanOrEqual(2);
  });

  it("every ts block of README.md and docs/*.md type-checks against the packed package (nodenext, strictest settings)", async () => {
    for (const block of blocks) writeFileSync(join(setup.app(), fileOf(block)), blockSource(block, prelude));
    const config = setup.tsconfig("tsconfig.readme.json", blocks.map(fileOf), { module: "NodeNext", moduleResolution: "NodeNext", outDir: "readme-out" });
    const result = await runCommand(process.execPath, [setup.tsc, "-p", config], { cwd: setup.app() });
    expect(result.out).toBe("");
    expect(result.code).toBe(0);
  });

  it("the runnable blocks run against the server and exit 0", async () => {
    const env = { ...process.env, HATHORA_BASE_URL: setup.baseUrl(), HATHORA_TOKEN: "readme-token" };
    for (const block of blocks.filter((each) => each.runnable)) {
      const script = join("readme-out", fileOf(block).replace(/\.ts$/, ".js"));
      const result = await runCommand(process.execPath, [script], { cwd: setup.app(), env });
      expect(result.code, `${block.page} line ${block.line}:\n${result.out}`).toBe(0);
    }
  });
}
