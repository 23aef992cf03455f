// `npm run docs`: a self-contained HTML reference of openapi.yaml at dist/docs/index.html
// (or --out <file>). `redocly build-docs` writes a page that loads Redoc from a CDN; this
// inlines the same Redoc build, which ships inside @redocly/cli, so the page renders offline.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { fileURLToPath } from "node:url";

const { values: args } = parseArgs({ options: { out: { type: "string", default: "dist/docs/index.html" } } });
const cli = fileURLToPath(new URL("../node_modules/@redocly/cli/bin/cli.js", import.meta.url));
const standalone = fileURLToPath(new URL("../node_modules/@redocly/cli/lib/chunks/redoc.standalone.js", import.meta.url));

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

  const out = resolve(args.out);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, offline);
  console.log(`wrote ${args.out} (${Math.round(offline.length / 1024)} KiB, no network needed)`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
