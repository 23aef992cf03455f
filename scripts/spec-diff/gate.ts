// The release gate behind `npm run check:breaking`: openapi.yaml against the spec of the last
// release, kept in released/openapi.yaml so that the check needs no git tags and no network.
// A breaking change passes only with a version that semver calls breaking (0.x: a minor bump;
// from 1.0: a major bump) and a CHANGELOG.md entry for that version whose "### Breaking"
// section names every broken operation and schema.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { diffSpecs, type SpecChange } from "./diff-specs.js";
import { parseSpec } from "./load-spec.js";
import { line } from "./render.js";

export const BASELINE = "released/openapi.yaml";

interface Version {
  major: number;
  minor: number;
  patch: number;
}

function parseVersion(text: string): Version {
  const match = /^(\d+)\.(\d+)\.(\d+)/.exec(text);
  if (!match) throw new Error(`${JSON.stringify(text)} is not a semver version.`);
  return { major: Number(match[1]), minor: Number(match[2]), patch: Number(match[3]) };
}

/** The smallest version semver allows for a breaking change after `released`. */
export function nextBreakingVersion(released: string): string {
  const { major, minor } = parseVersion(released);
  return major === 0 ? `0.${minor + 1}.0` : `${major + 1}.0.0`;
}

/** True when `current` may carry breaking changes after `released`. */
export function isBreakingBump(released: string, current: string): boolean {
  const before = parseVersion(released);
  const after = parseVersion(current);
  if (before.major === 0) return after.major > 0 || after.minor > before.minor;
  return after.major > before.major;
}

/** The text of CHANGELOG.md's `### Breaking...` section under `## version`, or undefined. */
export function breakingSection(changelog: string, version: string): string | undefined {
  const lines = changelog.split("\n");
  const start = lines.findIndex((text) => text.trim() === `## ${version}` || text.startsWith(`## ${version} `));
  if (start < 0) return undefined;
  const end = lines.findIndex((text, i) => i > start && /^## /.test(text));
  const entry = lines.slice(start + 1, end < 0 ? undefined : end);
  const heading = entry.findIndex((text) => /^### .*breaking/i.test(text) && !/non-breaking/i.test(text));
  if (heading < 0) return undefined;
  const next = entry.findIndex((text, i) => i > heading && /^#{1,3} /.test(text));
  return entry.slice(heading + 1, next < 0 ? undefined : next).join("\n");
}

export interface GateResult {
  ok: boolean;
  /** What the gate found and, when it fails, exactly what to do. */
  message: string;
  changes: SpecChange[];
}

/** The version of the last release: `info.version` of released/openapi.yaml. */
export function releasedVersion(root: string): string {
  return String(parseSpec(readFileSync(join(root, BASELINE), "utf8"), BASELINE).info?.version);
}

export function checkBreaking(root: string): GateResult {
  const read = (file: string) => readFileSync(join(root, file), "utf8");
  const released = parseSpec(read(BASELINE), BASELINE);
  const current = parseSpec(read("openapi.yaml"), "openapi.yaml");
  const version = (JSON.parse(read("package.json")) as { version: string }).version;
  const releasedVersion = String(released.info?.version);
  const changes = diffSpecs(released, current);
  const breaking = changes.filter((change) => change.classification === "breaking");
  const against = `${BASELINE} (${releasedVersion})`;

  if (breaking.length === 0) {
    const others = changes.length === 0 ? "no changes" : `${changes.length} changes, none breaking`;
    return { ok: true, changes, message: `check:breaking: openapi.yaml against ${against}: ${others}.` };
  }

  const names = [...new Set(breaking.filter((change) => change.group !== "document").map((change) => change.name))];
  const bumped = isBreakingBump(releasedVersion, version);
  const section = bumped ? breakingSection(read("CHANGELOG.md"), version) : undefined;
  const unnamed = section === undefined ? names : names.filter((name) => !new RegExp(`\\b${name}\\b`).test(section));
  const listing = [`openapi.yaml has ${breaking.length} breaking change(s) against ${against}:`, ...breaking.map(line)];

  if (bumped && section !== undefined && unnamed.length === 0) {
    listing.push(`Allowed: version ${version} is a breaking bump over ${releasedVersion} and CHANGELOG.md's ${version} entry has a Breaking section naming ${names.join(", ")}.`);
    return { ok: true, changes, message: `check:breaking: ${listing.join("\n")}` };
  }

  const target = bumped ? version : nextBreakingVersion(releasedVersion);
  const steps: string[] = [];
  if (!bumped) {
    steps.push(
      `set the version to ${target} (semver: a breaking change after ${releasedVersion} needs ${releasedVersion.startsWith("0.") ? "a minor bump while in 0.x" : "a major bump"}; now ${version}): "version" in package.json and info.version in openapi.yaml, then \`npm run generate\`;`,
    );
  }
  if (section === undefined) {
    steps.push(`add to CHANGELOG.md, under "## ${target}" (the top entry), a "### Breaking" section with one line per change above, naming ${names.join(", ")};`);
  } else {
    steps.push(`name ${unnamed.join(", ")} in the "### Breaking" section of CHANGELOG.md's ${target} entry;`);
  }
  steps.push("run `npm test` again. Or, if the change was not meant to break clients, undo it.");
  const todo = ["To release it:", ...steps.map((step, i) => `  ${i + 1}. ${step}`)];
  return { ok: false, changes, message: `check:breaking failed: ${[...listing, ...todo].join("\n")}` };
}
