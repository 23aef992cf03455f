// `npm run docs`: the two offline references, side by side (or under --out-dir <dir>):
//   dist/docs/index.html             the HTTP API (Redoc, one self-contained file)
//   dist/docs/typescript/index.html  the TypeScript API of this package (TypeDoc)
import { join } from "node:path";
import { parseArgs } from "node:util";
import { buildHttpReference } from "./docs/http-reference.js";
import { buildTypeScriptReference } from "./docs/typescript-reference.js";

const { values: args } = parseArgs({ options: { "out-dir": { type: "string", default: "dist/docs" } } });
const outDir = args["out-dir"];

const bytes = buildHttpReference(join(outDir, "index.html"));
console.log(`wrote ${join(outDir, "index.html")} (HTTP API, ${Math.round(bytes / 1024)} KiB, no network needed)`);
await buildTypeScriptReference(join(outDir, "typescript"));
console.log(`wrote ${join(outDir, "typescript/index.html")} (TypeScript API, no network needed)`);
