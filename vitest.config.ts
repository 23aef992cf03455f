import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Starts the Prism mock servers from openapi.yaml once for the whole run, and stops them.
    globalSetup: ["test/setup/prism.global.ts"],
    // Tests that time retries and timeouts use generous bounds; give them room on a busy CI box.
    testTimeout: 20_000,
    hookTimeout: 60_000,
    // A skipped or focused test must not pass silently in CI.
    allowOnly: false,
    passWithNoTests: false,
  },
});
