// npm run check:breaking (part of npm test): fails when openapi.yaml, or the TypeScript exports,
// break users of the last release without the version bump and CHANGELOG entry semver asks
// for. See gate.ts (the spec) and api-gate.ts (the exported names).
import { checkApiRemovals } from "./api-gate.js";
import { checkBreaking, releasedVersion } from "./gate.js";

const root = process.cwd();
const results = [checkBreaking(root), checkApiRemovals(root, releasedVersion(root))];
for (const result of results) (result.ok ? console.log : console.error)(result.message);
process.exit(results.every((result) => result.ok) ? 0 : 1);
