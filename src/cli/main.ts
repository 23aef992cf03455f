#!/usr/bin/env node
// The `hathora-processes` bin. Not imported by the package's entry points: a user of the client
// never loads it (test/cli/import-graph.test.ts holds that).
import { runCli } from "./run.js";

// `hathora-processes ps | head -1`: a reader that has gone is not an error.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw error;
});

process.exitCode = await runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env });
