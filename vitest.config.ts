import { configDefaults, defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Real containers: `npm run test:docker` (vitest.docker.config.ts); a redis-server:
    // `npm run test:redis` (vitest.redis.config.ts). Neither is part of `npm test`.
    // test/consumer/ holds files a user would write; consumer.test.ts runs them against the packed
    // package (they import "hathora-processes", which here would be dist/ while it is being built).
    exclude: [...configDefaults.exclude, "test/docker/**", "test/redis/**", "test/consumer/**"],
    // Starts one Prism from openapi.yaml for the whole run (and a proxy for its random data), and
    // packs the package once, in the background, into a fresh project (packedPackage() waits).
    globalSetup: ["test/setup/prism.global.ts", "test/setup/package.global.ts"],
    // Sized for a loaded machine, not an idle one: on 2 cores with two other CPU-bound processes
    // running, a test that runs tsc, api-extractor or a child node process takes 3-5 times as
    // long as on an idle box (20 s limits failed there). A limit only has to catch a hang.
    testTimeout: 120_000,
    // Vitest's default is one worker per core minus one: a single worker on a 2-core machine,
    // which runs every file in turn although many spend their time waiting (on Prism, a child
    // process, a Retry-After). Three overlap those waits: 54 s -> 40 s on the CI machine.
    maxWorkers: 3,
    // Files of a worker share the modules they import instead of importing them again each: the
    // import phase went from 34 s to 9 s of the run. Every file keeps its own state in its own
    // module scope or hooks, which the suite passes with (a file that leaked state would show).
    isolate: false,
    hookTimeout: 300_000,
    // A skipped or focused test must not pass silently in CI.
    allowOnly: false,
    passWithNoTests: false,
  },
});
