// The HTTP reference: a self-contained HTML page of openapi.yaml. `redocly build-docs` writes a
// page that loads Redoc from a CDN; this inlines the same Redoc build, which ships inside
// @redocly/cli, so the page renders offline.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const cli = fileURLToPath(new URL("../../node_modules/@redocly/cli/bin/cli.js", import.meta.url));
const standalone = fileURLToPath(new URL("../../node_modules/@redocly/cli/lib/chunks/redoc.standalone.js", import.meta.url));

/** Writes the HTTP reference to the file `outFile`; returns its size in bytes. */
export function buildHttpReference(outFile: string): number {
const work = mkdtempSync(join(tmpdir(), "hathora-docs-"));
try {
  const draft = join(work, "index.html");
  const built = spawnSync(process.execPath, [cli, "build-docs", "openapi.yaml", "--output", draft], {
    encoding: "utf8",
    env: { ...process.env, REDOCLY_TELEMETRY: "off" },
  });
  if (built.status !== 0) throw new Error(`redocly build-docs failed:\n${built.stdout}\n${built.stderr}`);

  const html = readFileSync(draft, "utf8");
  const redoc = readFileSync(standalone, "utf8");
  const cdnImport = /import \{ hydrate \} from "https:\/\/cdn\.redocly\.com\/redoc\/[^"]+\/redoc\.standalone\.js";/;
  const preload = /<link rel="modulepreload" href="https:\/\/cdn\.redocly\.com\/[^"]+"[^>]*\/>/;
  if (!cdnImport.test(html) || !preload.test(html)) {
    throw new Error("The page from redocly build-docs no longer has the CDN import this script replaces; update it.");
  }
  if (redoc.includes("</script")) throw new Error("The Redoc bundle contains </script and cannot be inlined as it is.");
  // The bundle is an ES module that declares `hydrate` at its top level, so pasting it in place
  // of the import leaves the page's own code unchanged. A replacer function keeps `$` literal.
  const offline = html.replace(preload, "").replace(cdnImport, () => redoc);

  const out = resolve(outFile);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, offline);
  return offline.length;
} finally {
  rmSync(work, { recursive: true, force: true });
}
}
