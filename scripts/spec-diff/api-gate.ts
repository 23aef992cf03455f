// The release gate's second half: the TypeScript surface. Every name the main entry exported in
// the last release (released/hathora-processes.api.md, API Extractor's report of that release)
// and exports no longer is a breaking change for code that imports it, gated like a breaking
// spec change: a breaking version bump and a CHANGELOG "### Breaking" line naming it.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { breakingSection, isBreakingBump, nextBreakingVersion } from "./gate.js";

export const RELEASED_API = "released/hathora-processes.api.md";
export const CURRENT_API = "etc/hathora-processes.api.md";

const EXPORT = /^export (?:declare )?(?:abstract )?(?:function|class|type|interface|const|let|namespace|enum) ([A-Za-z_$][\w$]*)/gm;

/** The names an API Extractor report says the entry point exports. */
export function exportedNames(report: string): Set<string> {
  return new Set([...report.matchAll(EXPORT)].map((match) => match[1] as string));
}

/** Whether the names removed since the release may go, and if not, what to do. */
export function checkApiRemovals(root: string, releasedVersion: string): { ok: boolean; message: string } {
  const path = (file: string) => join(root, file);
  if (!existsSync(path(RELEASED_API))) return { ok: true, message: `check:breaking: no ${RELEASED_API}: the TypeScript surface is not gated.` };
  const removed = [...exportedNames(readFileSync(path(RELEASED_API), "utf8"))].filter((name) => !exportedNames(readFileSync(path(CURRENT_API), "utf8")).has(name)).sort();
  const against = `${RELEASED_API} (${releasedVersion})`;
  if (removed.length === 0) return { ok: true, message: `check:breaking: the TypeScript exports keep every name of ${against}.` };

  const version = (JSON.parse(readFileSync(path("package.json"), "utf8")) as { version: string }).version;
  const bumped = isBreakingBump(releasedVersion, version);
  const section = bumped ? breakingSection(readFileSync(path("CHANGELOG.md"), "utf8"), version) : undefined;
  const unnamed = section === undefined ? removed : removed.filter((name) => !new RegExp(`\\b${name}\\b`).test(section));
  const head = `the TypeScript exports lost ${removed.length} name(s) of ${against}: ${removed.join(", ")}.`;
  if (unnamed.length === 0) return { ok: true, message: `check:breaking: ${head} Allowed: CHANGELOG.md's ${version} Breaking section names each.` };
  const target = bumped ? version : nextBreakingVersion(releasedVersion);
  const fix = bumped
    ? `name ${unnamed.join(", ")} in the "### Breaking" section of CHANGELOG.md's ${target} entry, with what to use instead`
    : `set the version to ${target} and name ${unnamed.join(", ")} in a "### Breaking" section of its CHANGELOG.md entry, with what to use instead`;
  return { ok: false, message: `check:breaking failed: ${head} To release it: ${fix}; or export them again.` };
}
