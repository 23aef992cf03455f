// Packs the package once per run and installs the tarball into a fresh project, for the tests
// that use the package as a user gets it: `inject("tarball")` is the .tgz, `inject("consumerDir")`
// the project (its node_modules/.bin/hathora-processes is the packed bin).
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    /** The packed package (`npm pack`, so built by its prepack). */
    tarball: string;
    /** A project with the tarball installed: node_modules/hathora-processes and its bin. */
    consumerDir: string;
  }
}

const exec = promisify(execFile);
const repo = fileURLToPath(new URL("../..", import.meta.url));

export default async function setup(project: TestProject): Promise<() => void> {
  const work = mkdtempSync(join(tmpdir(), "hathora-package-"));
  const packed = await exec("npm", ["pack", "--pack-destination", work, "--silent"], { cwd: repo, maxBuffer: 16 * 1024 * 1024 });
  const tarball = join(work, packed.stdout.trim().split("\n").pop() ?? "");
  const consumerDir = join(work, "consumer");
  mkdirSync(consumerDir);
  writeFileSync(join(consumerDir, "package.json"), JSON.stringify({ name: "consumer", private: true, type: "module" }));
  await exec("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline", tarball], { cwd: consumerDir, maxBuffer: 16 * 1024 * 1024 });
  project.provide("tarball", tarball);
  project.provide("consumerDir", consumerDir);
  return () => rmSync(work, { recursive: true, force: true });
}
