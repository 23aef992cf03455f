// The packed and installed package of this run (test/setup/package.global.ts packs it in the
// background): `await packedPackage()` waits until it is ready, or throws what went wrong.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { inject } from "vitest";

/** The file the setup writes when the package is installed (its content: a PackedPackage). */
export const PACKAGE_READY = "ready.json";
/** The file the setup writes when packing or installing failed (its content: why). */
export const PACKAGE_FAILED = "failed.txt";

/** The packed package of this run. */
export interface PackedPackage {
  /** A project with the tarball installed: node_modules/hathora-processes and its bin. */
  consumerDir: string;
  /** The .tgz `npm pack` wrote (built by the package's prepack). */
  tarball: string;
}

let ready: PackedPackage | undefined;

/** Waits for the run's packed package (packing and installing take about 15 s on 2 cores). */
export async function packedPackage(): Promise<PackedPackage> {
  const work = inject("packageWork");
  while (!ready) {
    if (existsSync(join(work, PACKAGE_FAILED))) throw new Error(`Packing or installing the package failed:\n${readFileSync(join(work, PACKAGE_FAILED), "utf8")}`);
    if (existsSync(join(work, PACKAGE_READY))) ready = JSON.parse(readFileSync(join(work, PACKAGE_READY), "utf8")) as PackedPackage;
    else await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return ready;
}
