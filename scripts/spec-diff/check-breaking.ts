// npm run check:breaking (part of npm test): fails when openapi.yaml breaks clients of the last
// release without the version bump and CHANGELOG entry semver asks for. See gate.ts.
import { checkBreaking } from "./gate.js";

const result = checkBreaking(process.cwd());
(result.ok ? console.log : console.error)(result.message);
process.exit(result.ok ? 0 : 1);
