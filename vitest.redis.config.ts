import { defineConfig } from "vitest/config";

// `npm run test:redis`: the suites that need a real redis-server (started by the tests
// themselves on a free port). Not part of `npm test`; .ci/run runs it after.
export default defineConfig({
  test: {
    include: ["test/redis/**/*.test.ts"],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    allowOnly: false,
    passWithNoTests: false,
  },
});
