// Packs the package once per run and installs the tarball into a fresh project, with the
// README's own Install commands, for the tests that use the package as a user gets it. It runs
// in the background: the setup returns at once, so the many tests that do not need the package
// run while it packs, and those that do wait for it with `packedPackage()`
// (test/helpers/packed-package.ts), which gives the .tgz and the project (its
// node_modules/.bin/hathora-processes is the packed bin).
//
// The consumer tests' files also import what a service adds besides the package (@types/node,
// OpenTelemetry, the optional peers of the redis and server subpaths): those are linked from the
// repository's node_modules at its versions rather than installed again (an install of them costs
// more than the rest of this setup).
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import type { TestProject } from "vitest/node";
import { PACKAGE_FAILED, PACKAGE_READY, type PackedPackage } from "../helpers/packed-package.js";
import { readmeInstall, USER_PROJECT } from "./readme-install.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** The folder the package is packed and installed into; see packedPackage(). */
    packageWork: string;
  }
}

const exec = promisify(execFile);
const repo = fileURLToPath(new URL("../..", import.meta.url));
/** What the consumer tests' files import besides the package, linked from the repository. */
const CONSUMER_EXTRAS = ["@types/node", "@opentelemetry/api", "@opentelemetry/sdk-trace-base", "@opentelemetry/context-async-hooks", "rate-limiter-flexible", "ioredis", "dockerode", "@types/dockerode", "yaml", "vitest"];

async function packAndInstall(consumerDir: string): Promise<PackedPackage> {
  writeFileSync(join(consumerDir, "package.json"), JSON.stringify({ name: "consumer", private: true, type: "module" }));
  const { pack, install } = readmeInstall(repo);
  const options = { maxBuffer: 16 * 1024 * 1024 };
  await exec("npm", ["pack", ...pack.map((arg) => (arg === USER_PROJECT ? consumerDir : arg)), "--silent"], { ...options, cwd: repo });
  const tarball = readdirSync(consumerDir).find((name) => name.endsWith(".tgz"));
  if (!tarball) throw new Error(`npm pack ${pack.join(" ")} wrote no tarball into the project.`);
  await exec("npm", ["install", ...install, "--no-audit", "--no-fund", "--prefer-offline"], { ...options, cwd: consumerDir });
  for (const name of CONSUMER_EXTRAS) {
    mkdirSync(dirname(join(consumerDir, "node_modules", name)), { recursive: true });
    symlinkSync(join(repo, "node_modules", name), join(consumerDir, "node_modules", name), "dir");
  }
  return { consumerDir, tarball: join(consumerDir, tarball) };
}

export default function setup(project: TestProject): () => Promise<void> {
  const work = mkdtempSync(join(tmpdir(), "hathora-package-"));
  const consumerDir = join(work, "consumer");
  mkdirSync(consumerDir);
  project.provide("packageWork", work);
  const job = packAndInstall(consumerDir).then(
    (packed) => writeFileSync(join(work, PACKAGE_READY), JSON.stringify(packed)),
    (error: unknown) => writeFileSync(join(work, PACKAGE_FAILED), error instanceof Error ? `${error.message}\n${(error as { stderr?: string }).stderr ?? ""}` : String(error)),
  );
  return async () => {
    await job;
    rmSync(work, { recursive: true, force: true });
  };
}
