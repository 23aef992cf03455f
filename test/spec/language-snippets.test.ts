// Every code block of README.md and docs/*.md in a language other than TypeScript and the
// shell is the `docs:start` region of a program under scripts/languages/, word for word (indent
// aside), so that `npm run test:languages` runs what the page shows (scripts/languages/
// docs-snippets.ts). A new block without such a region fails here.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { documentationPages } from "../package/readme-code.js";

const repo = fileURLToPath(new URL("../..", import.meta.url));
const LANGUAGES = ["go", "python", "py", "java", "csharp", "cs", "c#", "rust", "kotlin"];

/** The lines without their common leading whitespace, trailing blank lines dropped. */
function dedent(lines: string[]): string {
  const indents = lines.filter((line) => line.trim() !== "").map((line) => /^\s*/.exec(line)?.[0].length ?? 0);
  const cut = Math.min(...indents);
  return lines.map((line) => line.slice(cut)).join("\n").trimEnd();
}

/** The fenced blocks of `markdown` in the languages above. */
function otherLanguageBlocks(page: string): Array<{ page: string; line: number; language: string; code: string }> {
  const lines = readFileSync(join(repo, page), "utf8").split("\n");
  const blocks = [];
  for (let index = 0; index < lines.length; index++) {
    const language = /^```(\S+)\s*$/.exec(lines[index] ?? "")?.[1]?.toLowerCase();
    if (!language) continue;
    const start = index;
    const body: string[] = [];
    while (++index < lines.length && lines[index] !== "```") body.push(lines[index] ?? "");
    if (LANGUAGES.includes(language)) blocks.push({ page, line: start + 1, language, code: dedent(body) });
  }
  return blocks;
}

/** Every `docs:start <name>` ... `docs:end` region of the programs under scripts/languages/. */
function regions(): Map<string, { file: string; code: string }> {
  const found = new Map<string, { file: string; code: string }>();
  const root = join(repo, "scripts/languages");
  for (const file of readdirSync(root, { recursive: true, encoding: "utf8" })) {
    if (!/\.(go|py|java|cs|rs)$/.test(file)) continue;
    const lines = readFileSync(join(root, file), "utf8").split("\n");
    lines.forEach((line, index) => {
      const name = /docs:start (\S+)/.exec(line)?.[1];
      if (!name) return;
      const end = lines.findIndex((each, at) => at > index && each.includes("docs:end"));
      found.set(name, { file, code: dedent(lines.slice(index + 1, end)) });
    });
  }
  return found;
}

describe("the other languages' snippets of the docs", () => {
  const blocks = documentationPages(repo).flatMap(otherLanguageBlocks);
  const programs = regions();

  it("there are some (docs/testing.md shows Go and Python against the fake), and regions for them", () => {
    expect(blocks.map((block) => block.language).sort()).toEqual(expect.arrayContaining(["go", "python"]));
    expect(programs.size).toBeGreaterThanOrEqual(2);
  });

  it("each is a region of a program test:languages runs, word for word", () => {
    const unmatched = blocks.filter((block) => ![...programs.values()].some((region) => region.code === block.code));
    expect(unmatched.map((block) => `${block.page} line ${block.line} (${block.language}): no scripts/languages/ region holds it\n${block.code}`)).toEqual([]);
  });

  it("each region is shown on a page (none left over after a page changed)", () => {
    const shown = new Set(blocks.map((block) => block.code));
    expect([...programs].filter(([, region]) => !shown.has(region.code)).map(([name, region]) => `${name} in ${region.file}`)).toEqual([]);
  });
});
