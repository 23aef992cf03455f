// `npm run docs` writes one HTML file that needs no network: Redoc is inlined, not loaded.
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const exec = promisify(execFile);
const repo = fileURLToPath(new URL("../..", import.meta.url));
let work: string;
let html: string;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), "hathora-docs-test-"));
  const out = join(work, "index.html");
  await exec(process.execPath, [join(repo, "node_modules/tsx/dist/cli.mjs"), "scripts/build-docs.ts", "--out", out], { cwd: repo });
  html = readFileSync(out, "utf8");
}, 300_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("the offline API reference", () => {
  it("loads no script, style, font or module from the network", () => {
    expect(html).not.toMatch(/<script[^>]*\ssrc=/i);
    expect(html).not.toMatch(/<link[^>]*href="https?:/i);
    expect(html).not.toMatch(/\bimport\s*(\{[^}]*\}\s*from\s*)?["']https?:/);
    expect(html).not.toMatch(/@import\s+(url\()?["']?https?:/i);
    expect(html).not.toMatch(/url\(["']?https?:[^)]*\.(woff2?|ttf|otf|css)/i);
  });

  it("carries Redoc itself inline, and hydrates the page with it", () => {
    const moduleScript = /<script type="module">([\s\S]*?)<\/script>/.exec(html)?.[1] ?? "";
    expect(moduleScript).toContain("export{RedocStandalone,hydrate,init}");
    expect(moduleScript).toMatch(/hydrate\(/);
    expect(moduleScript.length).toBeGreaterThan(1_000_000);
  });

  it("documents every operation of openapi.yaml", () => {
    for (const operationId of ["GetProcessInfoV2Deprecated", "CreateProcess", "GetProcess", "StopProcess", "GetProcessMetrics", "GetLatestProcesses"]) {
      expect(html).toContain(operationId);
    }
    expect(html).toContain("Hathora Cloud Processes API");
  });
});
