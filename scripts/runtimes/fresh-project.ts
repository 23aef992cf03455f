// The package as users get it: `npm pack` (which builds dist/), the tarball installed into a
// fresh project, and the scenario built there with esbuild: one file for Node, Bun and Deno
// that imports the installed package at run time, and bundles (package included) for workerd
// and the browser.
import { copyFileSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { run } from "./children.js";

const repo = fileURLToPath(new URL("../../", import.meta.url));
const scenarioSource = fileURLToPath(new URL("./scenario/", import.meta.url));

export interface FreshProject {
  dir: string;
  /** Run with node/bun/deno in `dir`; imports "hathora-processes" from dir/node_modules. */
  cliEntry: string;
  /** An ES module Worker, package bundled in. */
  workerBundle: string;
  /** A browser module script, package bundled in. */
  browserBundle: string;
}

export async function prepareFreshProject(work: string): Promise<FreshProject> {
  const packed = await run("npm", ["pack", "--pack-destination", work, "--silent"], { cwd: repo, env: { ...process.env, REDOCLY_TELEMETRY: "off" } });
  const tarball = join(work, packed.trim().split("\n").pop() ?? "");

  const dir = join(work, "app");
  mkdirSync(join(dir, "scenario"), { recursive: true });
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "runtimes-app", private: true, type: "module" }));
  await run("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline", "--loglevel=error", tarball], { cwd: dir });
  for (const file of readdirSync(scenarioSource)) copyFileSync(join(scenarioSource, file), join(dir, "scenario", file));

  const common = { absWorkingDir: dir, bundle: true, format: "esm", target: "es2022", logLevel: "error" } as const;
  const cliEntry = join(dir, "cli.mjs");
  const workerBundle = join(dir, "worker.mjs");
  const browserBundle = join(dir, "browser.js");
  await Promise.all([
    build({ ...common, entryPoints: ["scenario/cli.mjs"], outfile: cliEntry, platform: "neutral", external: ["hathora-processes"] }),
    build({ ...common, entryPoints: ["scenario/worker.mjs"], outfile: workerBundle, platform: "neutral", conditions: ["workerd", "worker", "browser"], mainFields: ["module", "main"] }),
    build({ ...common, entryPoints: ["scenario/browser.mjs"], outfile: browserBundle, platform: "browser" }),
  ]);
  return { dir, cliEntry, workerBundle, browserBundle };
}
