// Prints a classified diff as Markdown a reviewer can paste into CHANGELOG.md: one section per
// classification, operations first, then schemas; each line `- Name: sentence`.
import type { Classification, SpecChange } from "./diff-specs.js";

const TITLES: Record<Classification, string> = {
  breaking: "Breaking",
  "non-breaking": "Non-breaking",
  documentation: "Documentation only",
};
const GROUPS: Record<SpecChange["group"], string> = { operation: "Operations", schema: "Schemas", document: "Document" };

/** "in responses of GetProcess, CreateProcess; in requests of ..." from "GetProcess (response)" entries. */
function usage(usedBy: string[]): string {
  const byDirection = new Map<string, string[]>();
  for (const use of usedBy) {
    const [, operation, direction] = /^(.*) \((\w+)\)$/.exec(use) ?? [];
    if (!operation || !direction) continue;
    byDirection.set(direction, [...(byDirection.get(direction) ?? []), operation]);
  }
  return [...byDirection].map(([direction, names]) => `in ${direction}s of ${names.join(", ")}`).join("; ");
}

export function line(change: SpecChange): string {
  const where = change.group === "schema" ? usage(change.usedBy) : "";
  const sentence = where ? `${change.sentence.replace(/\.$/, "")} (${where}).` : change.sentence;
  return `- ${change.name}: ${sentence}`;
}

export function renderChanges(changes: SpecChange[], header: string): string {
  const counts = (Object.keys(TITLES) as Classification[]).map((kind) => `${changes.filter((c) => c.classification === kind).length} ${TITLES[kind].toLowerCase()}`);
  const out = [header, changes.length === 0 ? "No changes." : `${changes.length} changes: ${counts.join(", ")}.`];
  for (const kind of Object.keys(TITLES) as Classification[]) {
    const ofKind = changes.filter((change) => change.classification === kind);
    if (ofKind.length === 0) continue;
    out.push("", `### ${TITLES[kind]}`);
    for (const group of Object.keys(GROUPS) as SpecChange["group"][]) {
      const inGroup = ofKind.filter((change) => change.group === group);
      if (inGroup.length === 0) continue;
      out.push("", `${GROUPS[group]}:`, ...inGroup.map(line));
    }
  }
  return out.join("\n");
}
