// npm run spec:release: at release time, after the version bump and the CHANGELOG entry, makes
// openapi.yaml and the API report of the exports the baselines that `npm run check:breaking`
// compares against.
import { copyFileSync, readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { CURRENT_API, RELEASED_API } from "./api-gate.js";
import { BASELINE } from "./gate.js";
import { parseSpec } from "./load-spec.js";

const text = readFileSync("openapi.yaml", "utf8");
const { version } = JSON.parse(readFileSync("package.json", "utf8")) as { version: string };
const specVersion = String(parseSpec(text, "openapi.yaml").info?.version);
if (specVersion !== version) {
  console.error(`openapi.yaml says ${specVersion}, package.json ${version}: make them the same version first.`);
  process.exit(1);
}
mkdirSync(dirname(BASELINE), { recursive: true });
const note = `# The openapi.yaml of release ${version}, the baseline of \`npm run check:breaking\`.\n# Written by \`npm run spec:release\` at release time; never edit it by hand.\n`;
writeFileSync(BASELINE, note + text);
copyFileSync(CURRENT_API, RELEASED_API);
console.log(`${BASELINE} is now the spec of ${version}, and ${RELEASED_API} its exports.`);
