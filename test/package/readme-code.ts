// Every ```ts block of README.md, checked as a user would paste it into a service that installed
// the packed package: type-checked under the consumer test's strictest settings, and the blocks
// marked ```ts runnable run with node against a server.
//
// A block that calls createHathoraClient stands alone; any other block is a fragment and gets
// test/consumer/readme-prelude.ts (visible, next to the other consumer files) in front of it, as one file, so a fragment that
// declares a name the prelude reads (`process`, say) fails as it would in a user's file.
//
// Registered from consumer.test.ts, so that it reuses that file's packed and installed package
// instead of packing a second time.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { runCommand } from "../helpers/run-command.js";

export interface ReadmeBlock {
  /** 1-based line of the opening fence in README.md. */
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

/** The README-code tests, registered inside the caller's describe. */
export function readmeCodeTests(setup: ReadmeCodeSetup): void {
  const readme = readFileSync(join(setup.repo, "README.md"), "utf8");
  const prelude = readFileSync(join(setup.repo, "test/consumer/readme-prelude.ts"), "utf8");
  const blocks = readmeBlocks(readme);
  const fileOf = (block: ReadmeBlock) => `readme-line-${block.line}.ts`;

  it("README.md has TypeScript blocks, some of them runnable", () => {
    expect(blocks.length).toBeGreaterThanOrEqual(4);
    expect(blocks.filter((block) => block.runnable).length).toBeGreaterThanOrEqual(2);
  });

  it("every ts block of README.md type-checks against the packed package (nodenext, strictest settings)", async () => {
    for (const block of blocks) writeFileSync(join(setup.app(), fileOf(block)), blockSource(block, prelude));
    const config = setup.tsconfig("tsconfig.readme.json", blocks.map(fileOf), { module: "NodeNext", moduleResolution: "NodeNext", outDir: "readme-out" });
    const result = await runCommand(process.execPath, [setup.tsc, "-p", config], { cwd: setup.app() });
    // The file names carry the README line of each block, so a failure says which one.
    expect(result.out).toBe("");
    expect(result.code).toBe(0);
  });

  it("the runnable blocks run against the server and exit 0", async () => {
    const env = { ...process.env, HATHORA_BASE_URL: setup.baseUrl(), HATHORA_TOKEN: "readme-token" };
    for (const block of blocks.filter((each) => each.runnable)) {
      const script = join("readme-out", fileOf(block).replace(/\.ts$/, ".js"));
      const result = await runCommand(process.execPath, [script], { cwd: setup.app(), env });
      expect(result.code, `README.md line ${block.line}:\n${result.out}`).toBe(0);
    }
  });
}
