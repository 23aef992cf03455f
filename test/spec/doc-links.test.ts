// The links between README.md and the docs/ pages: each relative link names a file that exists
// and, with a #fragment, a heading of that page (GitHub's anchors), so that moving a section
// cannot leave a reader at a dead end.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { documentationPages } from "../package/readme-code.js";

const repo = fileURLToPath(new URL("../..", import.meta.url));

/** GitHub's anchor of a heading: lower case, punctuation dropped, spaces to hyphens. */
function anchor(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N} _-]/gu, "")
    .replace(/ /g, "-");
}

function anchorsOf(markdown: string): Set<string> {
  const withoutCode = markdown.replace(/^```[\s\S]*?^```/gm, "");
  return new Set([...withoutCode.matchAll(/^#{1,6} (.+)$/gm)].map((match) => anchor(match[1] as string)));
}

describe("links between the documentation pages", () => {
  it("every relative link reaches a file, and a #fragment a heading of it", () => {
    const broken: string[] = [];
    let checked = 0;
    for (const page of documentationPages(repo)) {
      const text = readFileSync(join(repo, page), "utf8").replace(/^```[\s\S]*?^```/gm, "");
      for (const [, target] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
        if (/^[a-z]+:/i.test(target as string)) continue; // https:, mailto:
        const [path, fragment] = (target as string).split("#");
        const file = path ? normalize(join(dirname(join(repo, page)), path)) : join(repo, page);
        checked++;
        if (!existsSync(file)) broken.push(`${page}: ${target} (no such file)`);
        else if (fragment && file.endsWith(".md") && !anchorsOf(readFileSync(file, "utf8")).has(fragment)) broken.push(`${page}: ${target} (no such heading)`);
      }
    }
    expect(broken).toEqual([]);
    expect(checked).toBeGreaterThan(20);
  });
});
