// Generates src/generated/ from openapi.yaml (schema.ts and operations.ts: see generate/files.ts).
// `--check` writes nothing and exits 1 when the committed files differ from a fresh generation.
// `--spec <file>` and `--out <dir>` point it elsewhere (the regenerate-workflow test uses them).
// `--watch` regenerates and lints on every save of the spec (scripts/watch-spec.ts).
import { readFile, writeFile, mkdir } from "node:fs/promises";
import { parseArgs } from "node:util";
import { pathToFileURL } from "node:url";
import { generateFiles } from "./generate/files.js";
import { watchSpec } from "./watch-spec.js";

const { values: args } = parseArgs({
  options: {
    check: { type: "boolean", default: false },
    watch: { type: "boolean", default: false },
    spec: { type: "string", default: "openapi.yaml" },
    out: { type: "string", default: "src/generated" },
  },
});
const outDir = pathToFileURL(args.out.endsWith("/") ? args.out : `${args.out}/`);

async function main(): Promise<void> {
  const check = args.check;
  const files = await generateFiles(args.spec);

  if (check) {
    const stale: string[] = [];
    for (const [name, content] of Object.entries(files)) {
      const current = await readFile(new URL(name, outDir), "utf8").catch(() => "");
      if (current !== content) stale.push(`${args.out}/${name}`);
    }
    if (stale.length > 0) {
      console.error(`Stale against openapi.yaml: ${stale.join(", ")}. Run \`npm run generate\` and commit.`);
      process.exit(1);
    }
    console.log(`${args.out} is up to date with ${args.spec}.`);
    return;
  }

  await mkdir(outDir, { recursive: true });
  for (const [name, content] of Object.entries(files)) {
    await writeFile(new URL(name, outDir), content);
    console.log(`wrote ${args.out}/${name}`);
  }
}

if (args.watch) watchSpec({ spec: args.spec, out: args.out });
else await main();
