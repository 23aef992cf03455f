// HATHORA_LOG is read only where an environment exists: Node's process.env, Deno.env (which
// throws without --allow-env), and nowhere in browsers or workerd. Reading never throws.
import { afterEach, describe, expect, it, vi } from "vitest";
import { createHathoraClient } from "../../src/index.js";
import { environmentVariable } from "../../src/wrappers/observe/environment.js";
import { recordingLogger } from "../helpers/recording-logger.js";

afterEach(() => {
  vi.unstubAllGlobals();
  vi.unstubAllEnvs();
});

describe("environmentVariable", () => {
  it("reads process.env on Node", () => {
    vi.stubEnv("HATHORA_LOG", "debug");
    expect(environmentVariable("HATHORA_LOG")).toBe("debug");
  });

  it("reads Deno.env where it exists", () => {
    vi.stubGlobal("Deno", { env: { get: (name: string) => (name === "HATHORA_LOG" ? "info" : undefined) } });
    expect(environmentVariable("HATHORA_LOG")).toBe("info");
  });

  it("is undefined, not an exception, when Deno refuses access (no --allow-env)", () => {
    vi.stubGlobal("Deno", {
      env: {
        get: () => {
          throw new Error('NotCapable: Requires env access to "HATHORA_LOG", run again with the --allow-env flag');
        },
      },
    });
    vi.stubGlobal("process", undefined);
    expect(environmentVariable("HATHORA_LOG")).toBeUndefined();
    const logger = recordingLogger();
    expect(() => createHathoraClient({ token: "t", logger })).not.toThrow();
    expect(logger.lines).toEqual([]);
  });

  it("is undefined where there is no environment at all (a browser, workerd)", () => {
    vi.stubGlobal("process", undefined);
    expect(environmentVariable("HATHORA_LOG")).toBeUndefined();
    expect(() => createHathoraClient({ token: "t" })).not.toThrow();
  });
});
