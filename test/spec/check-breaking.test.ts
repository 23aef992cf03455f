// The release gate (npm run check:breaking) in a temporary git repository with its own
// package.json, CHANGELOG.md, openapi.yaml and released/openapi.yaml: a breaking change is
// committed without, then with, the version bump and CHANGELOG entry semver asks for.
import { execFile, execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { checkApiRemovals, exportedNames } from "../../scripts/spec-diff/api-gate.js";
import { breakingSection, checkBreaking, isBreakingBump, nextBreakingVersion } from "../../scripts/spec-diff/gate.js";

const repo = fileURLToPath(new URL("../..", import.meta.url));
const tsx = join(repo, "node_modules/tsx/dist/cli.mjs");
const exec = promisify(execFile);
const V3 = "/processes/v3/apps/{appId}/processes";
// The spec of release 0.1.0, a fixture that stays the same whatever openapi.yaml becomes.
const FIXTURE = join(repo, "test/fixtures/openapi-0.1.0.yaml");
const released = () => parse(readFileSync(FIXTURE, "utf8")) as Record<string, any>;

let work: string;
const git = (...args: string[]) => execFileSync("git", ["-c", "user.name=test", "-c", "user.email=test@localhost", ...args], { cwd: work });

/** Writes the project files of release `version` with `spec` as openapi.yaml, and commits them. */
function commit(message: string, files: { version: string; spec: Record<string, any>; changelog: string }): void {
  const spec = structuredClone(files.spec);
  spec.info.version = files.version;
  writeFileSync(join(work, "package.json"), JSON.stringify({ name: "fixture", version: files.version }));
  writeFileSync(join(work, "openapi.yaml"), stringify(spec));
  writeFileSync(join(work, "CHANGELOG.md"), files.changelog);
  git("add", "-A");
  git("commit", "-qm", message);
}

async function gate(): Promise<{ code: number; out: string }> {
  try {
    const { stdout, stderr } = await exec(process.execPath, [tsx, join(repo, "scripts/spec-diff/check-breaking.ts")], { cwd: work });
    return { code: 0, out: stdout + stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, out: failed.stdout + failed.stderr };
  }
}

const removeStop = (spec: Record<string, any>) => {
  delete spec.paths[`${V3}/{processId}/stop`];
  return spec;
};
const typeChanged = (spec: Record<string, any>) => {
  spec.components.schemas.ProcessV3.properties.roomsAllocated.type = "string";
  return spec;
};
const CHANGELOG_0_1 = "# Changelog\n\n## 0.1.0\n\nFirst release.\n";

beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), "hathora-gate-"));
  git("init", "-q");
  mkdirSync(join(work, "released"));
  writeFileSync(join(work, "released/openapi.yaml"), readFileSync(FIXTURE));
  commit("release 0.1.0", { version: "0.1.0", spec: released(), changelog: CHANGELOG_0_1 });
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

describe("npm run check:breaking", () => {
  it("passes on the released spec itself", async () => {
    const result = await gate();
    expect(result.out).toContain("check:breaking: openapi.yaml against released/openapi.yaml (0.1.0): no changes.");
    expect(result.code).toBe(0);
  });

  it("fails on a breaking change committed without a version bump, saying exactly what to do", async () => {
    commit("remove StopProcess", { version: "0.1.0", spec: removeStop(released()), changelog: CHANGELOG_0_1 });
    const result = await gate();
    expect(result.code).toBe(1);
    expect(result.out).toContain("openapi.yaml has 1 breaking change(s) against released/openapi.yaml (0.1.0):");
    expect(result.out).toContain("- StopProcess: removed");
    expect(result.out).toContain("1. set the version to 0.2.0 (semver: a breaking change after 0.1.0 needs a minor bump while in 0.x; now 0.1.0)");
    expect(result.out).toContain('2. add to CHANGELOG.md, under "## 0.2.0" (the top entry), a "### Breaking" section with one line per change above, naming StopProcess;');
  });

  it("fails on a patch bump: 0.1.1 is not a breaking version in 0.x", () => {
    commit("remove StopProcess", { version: "0.1.1", spec: removeStop(released()), changelog: `# Changelog\n\n## 0.1.1\n\n### Breaking\n\n- StopProcess: removed.\n\n${CHANGELOG_0_1.slice(13)}` });
    const result = checkBreaking(work);
    expect(result.ok).toBe(false);
    expect(result.message).toContain("set the version to 0.2.0");
  });

  it("fails on the bump without a Breaking section, and on a section that leaves a change out", () => {
    const spec = typeChanged(removeStop(released()));
    commit("0.2.0 without a breaking section", { version: "0.2.0", spec, changelog: `# Changelog\n\n## 0.2.0\n\n- Removed StopProcess.\n\n${CHANGELOG_0_1.slice(13)}` });
    const missing = checkBreaking(work);
    expect(missing.ok).toBe(false);
    expect(missing.message).toContain('add to CHANGELOG.md, under "## 0.2.0" (the top entry), a "### Breaking" section');
    expect(missing.message).not.toContain("set the version");

    commit("0.2.0 naming one of two", { version: "0.2.0", spec, changelog: `# Changelog\n\n## 0.2.0\n\n### Breaking\n\n- StopProcess: removed.\n\n${CHANGELOG_0_1.slice(13)}` });
    const partial = checkBreaking(work);
    expect(partial.ok).toBe(false);
    expect(partial.message).toContain('name ProcessV3 in the "### Breaking" section of CHANGELOG.md\'s 0.2.0 entry;');
  });

  it("passes the same breaking change committed with the minor bump and a Breaking section naming it", async () => {
    commit("remove StopProcess", { version: "0.1.0", spec: removeStop(released()), changelog: CHANGELOG_0_1 });
    commit("0.2.0", {
      version: "0.2.0",
      spec: removeStop(released()),
      changelog: `# Changelog\n\n## 0.2.0\n\n### Breaking\n\n- StopProcess: removed; stop processes with StopProcessV2Deprecated.\n\n${CHANGELOG_0_1.slice(13)}`,
    });
    const result = await gate();
    expect(result.out).toContain("Allowed: version 0.2.0 is a breaking bump over 0.1.0 and CHANGELOG.md's 0.2.0 entry has a Breaking section naming StopProcess.");
    expect(result.code).toBe(0);
  });

  it("passes a non-breaking change without a bump", () => {
    const spec = released();
    spec.components.schemas.ProcessV3.properties.region2 = { type: "string" };
    spec.components.schemas.ProcessV3.description = "A process, as version 3 of the API returns it.";
    commit("add an optional field", { version: "0.1.0", spec, changelog: CHANGELOG_0_1 });
    const result = checkBreaking(work);
    expect(result.message).toBe("check:breaking: openapi.yaml against released/openapi.yaml (0.1.0): 2 changes, none breaking.");
    expect(result.ok).toBe(true);
  });
});

describe("the TypeScript half of the gate: names the last release exported", () => {
  const report = (...names: string[]) => `\`\`\`ts\n${names.map((name) => `// @public\nexport function ${name}(): void;\n`).join("\n")}\`\`\`\n`;
  const writeReports = (released: string[], current: string[]) => {
    mkdirSync(join(work, "etc"), { recursive: true });
    writeFileSync(join(work, "released/hathora-processes.api.md"), report(...released));
    writeFileSync(join(work, "etc/hathora-processes.api.md"), report(...current));
  };

  it("reads every kind of export from an API Extractor report", () => {
    const text = "export class A {}\nexport declare const B: 1;\nexport type C = 1;\nexport interface D {}\nexport function E(): void;\n    export function notTopLevel(): void;\n";
    expect([...exportedNames(text)]).toEqual(["A", "B", "C", "D", "E"]);
  });

  it("fails on a removed export without a breaking bump, naming it and what to do", () => {
    writeReports(["createClient", "createApiError"], ["createClient"]);
    const result = checkApiRemovals(work, "0.1.0");
    expect(result.ok).toBe(false);
    expect(result.message).toContain("lost 1 name(s) of released/hathora-processes.api.md (0.1.0): createApiError.");
    expect(result.message).toContain('set the version to 0.2.0 and name createApiError in a "### Breaking" section');
  });

  it("fails on the bump whose Breaking section leaves the name out, passes once it names it", () => {
    writeReports(["createClient", "createApiError"], ["createClient"]);
    commit("0.2.0", { version: "0.2.0", spec: released(), changelog: `# Changelog\n\n## 0.2.0\n\n### Breaking\n\n- Something else.\n\n${CHANGELOG_0_1.slice(13)}` });
    expect(checkApiRemovals(work, "0.1.0").message).toContain('name createApiError in the "### Breaking" section of CHANGELOG.md\'s 0.2.0 entry');
    commit("0.2.0 named", { version: "0.2.0", spec: released(), changelog: `# Changelog\n\n## 0.2.0\n\n### Breaking\n\n- createApiError: use new NotFoundError(init).\n\n${CHANGELOG_0_1.slice(13)}` });
    expect(checkApiRemovals(work, "0.1.0")).toEqual({ ok: true, message: expect.stringContaining("Allowed") });
  });

  it("gates this repository's own exports against 0.1.0's", () => {
    const result = checkApiRemovals(repo, "0.1.0");
    expect(result.message).toContain("released/hathora-processes.api.md (0.1.0)");
    expect(result.ok).toBe(true);
  });
});

describe("semver rules of the gate", () => {
  it("in 0.x a breaking change needs a minor bump; from 1.0 a major bump", () => {
    expect(isBreakingBump("0.1.0", "0.1.1")).toBe(false);
    expect(isBreakingBump("0.1.0", "0.2.0")).toBe(true);
    expect(isBreakingBump("0.1.0", "1.0.0")).toBe(true);
    expect(isBreakingBump("1.2.3", "1.3.0")).toBe(false);
    expect(isBreakingBump("1.2.3", "2.0.0")).toBe(true);
    expect(nextBreakingVersion("0.1.0")).toBe("0.2.0");
    expect(nextBreakingVersion("1.2.3")).toBe("2.0.0");
  });

  it("reads only the Breaking section of the given version's entry", () => {
    const changelog = "# Changelog\n\n## 0.3.0\n\n### Added\n\n- x\n\n### Breaking changes\n\n- Region: y\n\n### Fixed\n\n- StopProcess\n\n## 0.2.0\n\n### Breaking\n\n- old\n";
    expect(breakingSection(changelog, "0.3.0")?.trim()).toBe("- Region: y");
    expect(breakingSection(changelog, "0.2.0")?.trim()).toBe("- old");
    expect(breakingSection("## 0.3.0\n\n### Non-breaking\n\n- z\n", "0.3.0")).toBeUndefined();
    expect(breakingSection(changelog, "0.4.0")).toBeUndefined();
  });
});
