// scripts/redocly.mjs, the way the build (and test:languages) runs Redocly: without the boxed
// "Node.js 20 support is ending" notice Redocly CLI 2.x prints on every run under Node 20, with
// everything else it prints and its exit code unchanged.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { runCommand } from "../helpers/run-command.js";

const repo = fileURLToPath(new URL("../..", import.meta.url));
const wrapper = join(repo, "scripts/redocly.mjs");
const cli = join(repo, "node_modules/@redocly/cli/bin/cli.js");
const work = mkdtempSync(join(tmpdir(), "hathora-redocly-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const NOTICE = "Node.js 20 support is ending";
const onNode20 = process.versions.node.startsWith("20.");

describe("scripts/redocly.mjs", () => {
  it("bundles the spec as Redocly does, without the Node 20 notice", async () => {
    const [direct, wrapped] = await Promise.all([
      runCommand(process.execPath, [cli, "bundle", "openapi.yaml", "--output", join(work, "direct.json")], { cwd: repo, env: { ...process.env, REDOCLY_TELEMETRY: "off" } }),
      runCommand(process.execPath, [wrapper, "bundle", "openapi.yaml", "--output", join(work, "wrapped.json")], { cwd: repo }),
    ]);
    // Under Node 20 Redocly itself prints the notice (the premise); under 22 and 24 neither does.
    expect(direct.out.includes(NOTICE)).toBe(onNode20);
    expect(wrapped.out).not.toContain(NOTICE);
    expect(wrapped.out).not.toContain("╔");
    expect(wrapped.out).toContain("Created a bundle for openapi.yaml");
    expect(wrapped.code).toBe(0);
    expect(readFileSync(join(work, "wrapped.json"), "utf8")).toBe(readFileSync(join(work, "direct.json"), "utf8"));
  });

  it("passes a failure through: its message and a non-zero exit code", async () => {
    writeFileSync(join(work, "broken.yaml"), "openapi: 3.0.3\n  broken: [\n");
    const result = await runCommand(process.execPath, [wrapper, "lint", join(work, "broken.yaml")], { cwd: repo });
    expect(result.code).not.toBe(0);
    expect(result.out).toMatch(/broken\.yaml/);
    expect(result.out).not.toContain(NOTICE);
  });
});
