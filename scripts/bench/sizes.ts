// What each package costs before the first request: bundle size, installed size, cold start.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { median } from "./stats.js";

const repo = new URL("../../", import.meta.url).pathname;
const OFFICIAL = "@hathora/cloud-sdk-typescript";
const officialVersion = "2.25.6";

export interface BundleSize {
  entry: string;
  minifiedBytes: number;
  gzippedBytes: number;
}

/** Minified and gzipped size of a bundle that creates a client and calls processesV3.getProcess. */
export async function bundleSizes(): Promise<BundleSize[]> {
  const entries: Record<string, string> = {
    "hathora-processes": `import { createHathoraClient } from "./src/index.ts";
      const hathora = createHathoraClient({ token: "t", appId: "a" });
      export const run = () => hathora.processesV3.getProcess({ processId: "p" });`,
    "official SDK (HathoraCloud class)": `import { HathoraCloud } from "${OFFICIAL}";
      const sdk = new HathoraCloud({ hathoraDevToken: "t", appId: "a" });
      export const run = () => sdk.processesV3.getProcess("p");`,
    "official SDK (standalone function)": `import { HathoraCloudCore } from "${OFFICIAL}/core.js";
      import { processesV3GetProcess } from "${OFFICIAL}/funcs/processesV3GetProcess.js";
      const core = new HathoraCloudCore({ hathoraDevToken: "t", appId: "a" });
      export const run = () => processesV3GetProcess(core, "p");`,
  };
  const sizes: BundleSize[] = [];
  for (const [entry, contents] of Object.entries(entries)) {
    const result = await build({
      stdin: { contents, resolveDir: repo, loader: "ts", sourcefile: "entry.ts" },
      bundle: true,
      minify: true,
      format: "esm",
      platform: "node",
      target: "node20",
      write: false,
      logLevel: "silent",
    });
    const code = result.outputFiles[0]?.contents ?? new Uint8Array();
    sizes.push({ entry, minifiedBytes: code.length, gzippedBytes: gzipSync(code, { level: 9 }).length });
  }
  return sizes;
}

export interface InstallCost {
  name: string;
  packages: number;
  installedBytes: number;
  coldStartMs: number;
  /** Cold start minus a bare `node` start: what importing the package itself costs. */
  importMs: number;
}

function directorySize(path: string): number {
  let total = 0;
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    const full = join(path, entry.name);
    if (entry.isDirectory()) total += directorySize(full);
    else if (entry.isFile()) total += statSync(full).size;
  }
  return total;
}

function countPackages(nodeModules: string): number {
  let count = 0;
  for (const entry of readdirSync(nodeModules, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name.startsWith(".")) continue;
    if (entry.name.startsWith("@")) count += readdirSync(join(nodeModules, entry.name)).length;
    else count++;
  }
  return count;
}

function timeNode(cwd: string, code: string, runs: number): number {
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const begin = performance.now();
    const result = spawnSync(process.execPath, ["--input-type=module", "-e", code], { cwd });
    if (result.status !== 0) throw new Error(`node failed in ${cwd}: ${result.stderr}`);
    times.push(performance.now() - begin);
  }
  return median(times);
}

function npm(args: string[], cwd: string): string {
  const result = spawnSync("npm", args, { cwd, encoding: "utf8" });
  if (result.status !== 0) throw new Error(`npm ${args.join(" ")} failed:\n${result.stderr}`);
  return result.stdout;
}

/** Installs each package alone in a fresh project (ours from `npm pack`) and measures it there. */
export function installCosts(runs = 9): InstallCost[] {
  const work = mkdtempSync(join(tmpdir(), "hathora-bench-"));
  try {
    const tarball = join(work, npm(["pack", "--silent", "--pack-destination", work], repo).trim().split("\n").pop() ?? "");
    const projects = [
      { name: "hathora-processes", spec: tarball, module: "hathora-processes" },
      { name: `official SDK ${officialVersion}`, spec: `${OFFICIAL}@${officialVersion}`, module: OFFICIAL },
    ];
    const costs: InstallCost[] = [];
    for (const project of projects) {
      const dir = join(work, project.module.replace(/\W/g, "_"));
      mkdirSync(dir);
      writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "bench-project", private: true, type: "module" }));
      npm(["install", "--no-audit", "--no-fund", "--prefer-offline", "--no-package-lock", project.spec], dir);
      const baseline = timeNode(dir, "", runs);
      const coldStartMs = timeNode(dir, `await import(${JSON.stringify(project.module)});`, runs);
      costs.push({
        name: project.name,
        packages: countPackages(join(dir, "node_modules")),
        installedBytes: directorySize(join(dir, "node_modules")),
        coldStartMs,
        importMs: coldStartMs - baseline,
      });
    }
    return costs;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
