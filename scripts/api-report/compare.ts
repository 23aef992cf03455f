// Compares the API report API Extractor just wrote (the exported API as it is) with the
// committed one, and says what `check:api` prints and exits with. Ours rather than API
// Extractor's own verdict, so that the failing path is tested without a run of API Extractor
// (test/spec/api-report.test.ts) and the diff is the one a maintainer reads: git's.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";

/** What `check:api` concludes from the two reports. */
export interface ReportComparison {
  changed: boolean;
  /** `git diff` of the committed report against the current one ("" when unchanged). */
  diff: string;
  /** The line that says what to do, when changed. */
  message: string;
}

/** Compares the committed report (`committed`, a path) with the current one (`current`). */
export function compareReports(committed: string, current: string): ReportComparison {
  // API Extractor writes CRLF; a checkout may have turned the committed copy's into LF.
  const text = (path: string) => readFileSync(path, "utf8").replace(/\r\n/g, "\n");
  if (text(committed) === text(current)) return { changed: false, diff: "", message: "" };
  const diff = spawnSync("git", ["--no-pager", "diff", "--no-index", "--no-color", "--ignore-cr-at-eol", "--", committed, current], { encoding: "utf8" }).stdout;
  const message = `The exported API changed and ${committed} does not show it (diff above). If the change is meant, run \`npm run api:update\` and commit ${committed}.`;
  return { changed: true, diff, message };
}

/** The exports and members the report marks "(undocumented)": each needs a TSDoc comment. */
export function undocumentedItems(report: string): string[] {
  const lines = report.split("\n");
  return lines.flatMap((line, index) => (line.includes("(undocumented)") ? [(lines[index + 1] ?? "").trim()] : []));
}
