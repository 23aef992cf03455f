import type { TestProject } from "vitest/node";
import { startPrism } from "../../scripts/prism.js";
import { startDynamicProxy } from "./dynamic-proxy.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** Prism serving the spec's examples. */
    prismUrl: string;
    /** The same Prism generating random data from the schemas (`Prefer: dynamic=true`, as `-d` does). */
    prismDynamicUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const prism = await startPrism();
  const dynamic = await startDynamicProxy(prism.url);
  project.provide("prismUrl", prism.url);
  project.provide("prismDynamicUrl", dynamic.url);
  return async () => {
    await Promise.all([dynamic.close(), prism.stop()]);
  };
}
