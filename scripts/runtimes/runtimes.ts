// The runtimes under test, how each is installed and launched, and what the README promises
// for each where runtimes differ.
import { execFileSync } from "node:child_process";
import { cacheRoot, BUN, DENO, WORKERD, ensureChromium, ensureNode, ensureRuntime, nodePackage, NODE_VERSIONS } from "./install.js";
import { chromiumLauncher } from "./launchers/chromium.js";
import { cliLauncher } from "./launchers/cli.js";
import type { Launcher } from "./launchers/launcher.js";
import { workerdLauncher } from "./launchers/workerd.js";

export interface Runtime {
  /** Column title, and the path prefix of its requests on the fixture servers. */
  id: string;
  /**
   * Whether a refused connection is told apart from a failure after sending, so that
   * createProcess is retried after it (the README's retry table and Runtimes section).
   */
  refusedIsRecognised: boolean;
  /** Whether `redirect: "manual"` gives an opaque response (browsers), so the client re-sends with "follow". */
  hidesRedirects: boolean;
  /**
   * Installs what is missing; gives the launcher and the exact version that runs.
   * `version` replaces the pinned package version (`--use`, to find minimum versions).
   */
  prepare(version?: string): Promise<{ launcher: Launcher; version: string }>;
}

const versionOf = (binary: string, args: string[]): string => execFileSync(binary, args, { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim().split("\n")[0] ?? "";

const node = (major: number): Runtime => ({
  id: `node${major}`,
  refusedIsRecognised: true,
  hidesRedirects: false,
  async prepare(version) {
    const binary = version === undefined ? await ensureNode(major) : await ensureRuntime({ ...nodePackage(major), version });
    return { launcher: cliLauncher("node", binary, cacheRoot()), version: versionOf(binary, ["--version"]).replace(/^v/, "") };
  },
});

export const RUNTIMES: Runtime[] = [
  ...Object.keys(NODE_VERSIONS).map((major) => node(Number(major))),
  {
    id: "bun",
    refusedIsRecognised: true,
    hidesRedirects: false,
    async prepare(version = BUN.version) {
      const binary = await ensureRuntime({ ...BUN, version });
      return { launcher: cliLauncher("bun", binary, cacheRoot()), version: versionOf(binary, ["--version"]) };
    },
  },
  {
    id: "deno",
    refusedIsRecognised: true,
    hidesRedirects: false,
    async prepare(version = DENO.version) {
      const binary = await ensureRuntime({ ...DENO, version });
      return { launcher: cliLauncher("deno", binary, cacheRoot()), version: versionOf(binary, ["--version"]).replace(/^deno (\S+).*/, "$1") };
    },
  },
  {
    id: "workerd",
    refusedIsRecognised: false, // "Network connection lost." for a refused connection and a reset alike
    hidesRedirects: false,
    async prepare(version = WORKERD.version) {
      const binary = await ensureRuntime({ ...WORKERD, version });
      return { launcher: workerdLauncher(binary), version: versionOf(binary, ["--version"]).replace(/^workerd /, "") };
    },
  },
  {
    id: "chromium",
    refusedIsRecognised: false, // "Failed to fetch" for every network failure
    hidesRedirects: true, // "manual" gives an opaqueredirect: status 0, no Location
    async prepare(version) {
      if (version !== undefined) throw new Error("Chromium is Debian's; its version cannot be chosen");
      const binary = await ensureChromium();
      return { launcher: chromiumLauncher(binary), version: versionOf(binary, ["--version"]).replace(/^Chromium (\S+).*/, "$1") };
    },
  },
];
