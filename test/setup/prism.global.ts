import type { TestProject } from "vitest/node";
import { startPrism } from "../../scripts/prism.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** Prism serving the spec's examples. */
    prismUrl: string;
    /** Prism generating random data from the schemas (`-d`). */
    prismDynamicUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const [examples, dynamic] = await Promise.all([startPrism(), startPrism({ dynamic: true })]);
  project.provide("prismUrl", examples.url);
  project.provide("prismDynamicUrl", dynamic.url);
  return async () => {
    await Promise.all([examples.stop(), dynamic.stop()]);
  };
}
