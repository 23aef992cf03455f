// `npm run docs` writes the two references, neither of which needs the network: the HTTP one as
// one HTML file with Redoc inlined, the TypeScript one as TypeDoc's static pages.
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const exec = promisify(execFile);
const repo = fileURLToPath(new URL("../..", import.meta.url));
let work: string;
let html: string;
let typescriptDir: string;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), "hathora-docs-test-"));
  await exec(process.execPath, [join(repo, "node_modules/tsx/dist/cli.mjs"), "scripts/build-docs.ts", "--out-dir", work], { cwd: repo });
  html = readFileSync(join(work, "index.html"), "utf8");
  typescriptDir = join(work, "typescript");
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

/** Every HTML page of the TypeScript reference, with its text. */
function typescriptPages(): Array<{ file: string; text: string }> {
  return readdirSync(typescriptDir, { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(".html"))
    .map((file) => ({ file, text: readFileSync(join(typescriptDir, file), "utf8") }));
}

describe("the TypeScript API reference", () => {
  // One module per entry point: `index` (the main entry), `testing`, `opentelemetry`, `redis` and `server`.
  it("has a page for createHathoraClient with its TSDoc, and for the error classes and options", () => {
    const page = readFileSync(join(typescriptDir, "functions/index.createHathoraClient.html"), "utf8");
    expect(page).toContain("createHathoraClient");
    for (const file of ["classes/index.WaitTimeoutError.html", "classes/index.ConfigError.html", "interfaces/index.HathoraClientOptions.html", "interfaces/index.ProcessesV3.html"]) {
      expect(existsSync(join(typescriptDir, file)), file).toBe(true);
    }
    const options = readFileSync(join(typescriptDir, "interfaces/index.HathoraClientOptions.html"), "utf8");
    expect(options).toContain("Hathora developer token");
  });

  it("covers the subpaths too: createFakeHathora, instrumentHathoraProcesses, createRedisRateLimiter and createProcessesServer", () => {
    for (const file of ["functions/testing.createFakeHathora.html", "functions/opentelemetry.instrumentHathoraProcesses.html", "functions/redis.createRedisRateLimiter.html", "functions/server.createProcessesServer.html"]) {
      expect(existsSync(join(typescriptDir, file)), file).toBe(true);
    }
  });

  it("has the page of the hathora-processes command (docs/cli.md): its commands, exit codes and a session", () => {
    const page = readFileSync(join(typescriptDir, "documents/The_hathora-processes_command.html"), "utf8");
    for (const text of ["Exit codes", "stop --all", "The chart library", "$ hathora-processes ps"]) expect(page).toContain(text);
    expect(readFileSync(join(typescriptDir, "index.html"), "utf8")).toContain("The_hathora-processes_command.html");
  });

  it("has a page for every docs/*.md page, each with its title", () => {
    const pages = readdirSync(join(repo, "docs")).filter((name) => name.endsWith(".md"));
    const documents = readdirSync(join(typescriptDir, "documents")).map((name) => readFileSync(join(typescriptDir, "documents", name), "utf8"));
    expect(documents).toHaveLength(pages.length);
    for (const page of pages) {
      const title = /^# (.+)$/m.exec(readFileSync(join(repo, "docs", page), "utf8"))?.[1]?.replace(/`/g, "") ?? page;
      expect(documents.some((html) => html.includes(title.replace(/&/g, "&amp;").replace(/</g, "&lt;"))), page).toBe(true);
    }
  });

  it("has the self-hosted server's page (docs/self-hosted-server.md)", () => {
    const page = readFileSync(join(typescriptDir, "documents/self-hosted-server.html"), "utf8");
    for (const text of ["createProcessesServer", "hathora-processes-server", "Agones"]) expect(page).toContain(text);
  });

  it("loads no script, style or font from the network", () => {
    const pages = typescriptPages();
    expect(pages.length).toBeGreaterThan(20);
    for (const { file, text } of pages) {
      expect(text, file).not.toMatch(/<script[^>]*\ssrc="https?:/i);
      expect(text, file).not.toMatch(/<link[^>]*href="https?:/i);
    }
  });
});
