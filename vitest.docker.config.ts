import { defineConfig } from "vitest/config";

// `npm run test:docker`: the self-hosted server against a real Docker Engine (real containers,
// no mock). Separate from `npm test`, which needs no Docker and stays fast.
export default defineConfig({
  test: {
    include: ["test/docker/**/*.test.ts"],
    globalSetup: ["test/setup/docker.global.ts"],
    // Containers boot and stop on a shared 2-core machine: limits only catch a hang.
    testTimeout: 240_000,
    hookTimeout: 240_000,
    // Files run one after the other: each counts and times the containers it makes.
    fileParallelism: false,
    allowOnly: false,
    passWithNoTests: false,
  },
});
