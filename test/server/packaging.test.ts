// One package, optional peers: the client's bundle imports nothing of the server, the fake's
// imports nothing of Docker, and installing the package installs neither dockerode nor yaml.
import { build } from "esbuild";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8"));

async function inputsOf(entry: string): Promise<string[]> {
  const result = await build({ entryPoints: [entry], bundle: true, write: false, metafile: true, platform: "neutral", format: "esm", external: ["node:*", "dockerode", "yaml", "@opentelemetry/api"], logLevel: "silent" });
  return Object.keys(result.metafile.inputs);
}

describe("packaging of the server", () => {
  it("the client bundle holds nothing of the server, the route layer or the engines", async () => {
    const inputs = await inputsOf("src/index.ts");
    expect(inputs.filter((input) => /src\/(server|service|engines)\//.test(input))).toEqual([]);
  });

  it("the fake (hathora-processes/testing) holds nothing of Docker or the server", async () => {
    const inputs = await inputsOf("src/testing/index.ts");
    expect(inputs.filter((input) => /src\/(server|engines\/docker)\//.test(input))).toEqual([]);
    expect(inputs.some((input) => input.includes("src/service/answer.ts"))).toBe(true);
  });

  it("dockerode and yaml are optional peers, not dependencies; the server has its subpath and bin", () => {
    expect(Object.keys(pkg.dependencies)).toEqual(["asciichart", "openapi-fetch"]);
    expect(pkg.peerDependenciesMeta.dockerode).toEqual({ optional: true });
    expect(pkg.peerDependenciesMeta.yaml).toEqual({ optional: true });
    expect(pkg.exports["./server"].default).toBe("./dist/server/index.js");
    expect(pkg.bin["hathora-processes-server"]).toBe("./dist/server/cli.js");
  });
});
