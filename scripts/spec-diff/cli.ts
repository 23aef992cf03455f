// npm run spec:diff -- <base> [<head>]
// Prints every change from <base> to <head> (default openapi.yaml), classified as breaking,
// non-breaking or documentation only. <base> and <head> are files or git refs (`main`,
// `v0.1.0`, `HEAD~1:openapi.yaml`). Exits 1 when a change is breaking, 0 otherwise, 2 on misuse.
import { diffSpecs, isBreaking } from "./diff-specs.js";
import { loadSpec } from "./load-spec.js";
import { renderChanges } from "./render.js";

const [base, head = "openapi.yaml"] = process.argv.slice(2).filter((arg) => arg !== "--");
if (!base) {
  console.error("Usage: npm run spec:diff -- <base file or git ref> [<head file or git ref>]");
  process.exit(2);
}
try {
  const before = loadSpec(base);
  const after = loadSpec(head);
  const changes = diffSpecs(before.doc, after.doc);
  const header = `${before.label} (${before.doc.info?.version}) -> ${after.label} (${after.doc.info?.version})`;
  console.log(renderChanges(changes, header));
  process.exit(isBreaking(changes) ? 1 : 0);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(2);
}
