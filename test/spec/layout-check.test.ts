// The layout check (`npm run check:layout`, part of `npm test`) keeps src/ free of import
// circles and long files; these tests show it can fail, on a small tree of its own.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCommand } from "../helpers/run-command.js";

const work = mkdtempSync(join(tmpdir(), "layout-check-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function tree(name: string, files: Record<string, string>): string {
  const root = join(work, name);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, ".."), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}
const check = (root: string) => runCommand(process.execPath, ["--import", "tsx", "scripts/check-layout.ts", root], { cwd: process.cwd() });

describe("npm run check:layout", () => {
  it("names a circle made only of type imports, across folders", async () => {
    const root = tree("circle", {
      "a/options.ts": 'import type { B } from "../b/token.js";\nexport type A = B;\n',
      "b/token.ts": 'import type { A } from "../a/options.js";\nexport type B = string | A;\n',
    });
    const result = await check(root);
    expect(result.code).toBe(1);
    expect(result.out).toMatch(/import circle: .*a\/options\.ts -> .*b\/token\.ts -> .*a\/options\.ts/);
  });

  it("names a file over 250 lines, and leaves generated code alone", async () => {
    const long = "export const x = 1;\n".repeat(251);
    const root = tree("long", { "wrappers/long.ts": long, "generated/schema.ts": long });
    const result = await check(root);
    expect(result.code).toBe(1);
    expect(result.out).toContain("long.ts: 251 lines");
    expect(result.out).not.toContain("schema.ts");
  });

  it("passes a tree without either", async () => {
    const root = tree("fine", { "a.ts": 'import { b } from "./b.js";\nexport const a = b;\n', "b.ts": "export const b = 1;\n" });
    const result = await check(root);
    expect(result.out).toContain("no import circle");
    expect(result.code).toBe(0);
  });
});
