// The committed API report (etc/hathora-processes.api.md) catches a change of the exported
// TypeScript surface, including one that comes from the spec, in two links:
// - the report holds the generated components whole: every schema of openapi.yaml with every
//   property, optional ones marked `?`; so a spec change to them changes the API as API
//   Extractor reports it, and `check:api` (part of `npm test`) compares that with the report;
// - that comparison fails on a report that does not show a new field, and its diff shows it.
// And the check itself, on the declarations the package was packed with (what users get), so that
// `npm test` needs no declaration emit of its own: `npm run check:api` does the same from src/.
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { compareReports, undocumentedItems } from "../../scripts/api-report/compare.js";
import { extractApiReport } from "../../scripts/api-report/extract.js";
import { packedPackage } from "../helpers/packed-package.js";

const repo = fileURLToPath(new URL("../..", import.meta.url));
const REPORT = join(repo, "etc/hathora-processes.api.md");
/** The report's text with LF line ends (API Extractor writes CRLF). */
const reportText = () => readFileSync(REPORT, "utf8").replace(/\r\n/g, "\n");
const work = mkdtempSync(join(tmpdir(), "hathora-api-report-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface Schema {
  type?: string;
  properties?: Record<string, unknown>;
  required?: string[];
}

/** The property lines of `components.schemas.<name>` in the report, e.g. "region2?" or "status". */
function reportedProperties(report: string, name: string): string[] {
  const schemas = report.indexOf("\n    schemas: {\n");
  const start = schemas < 0 ? -1 : report.indexOf(`\n        ${name}: {\n`, schemas);
  if (start < 0) return [];
  const body = report.slice(start).split("\n").slice(2);
  const end = body.findIndex((line) => line === "        };");
  return body.slice(0, end).flatMap((line) => /^ {12}(\w+\??): /.exec(line)?.[1] ?? []);
}

describe("the API report and the spec", () => {
  it("holds every object schema of openapi.yaml with every property, `?` on the optional ones", () => {
    const report = reportText();
    const schemas = parse(readFileSync(join(repo, "openapi.yaml"), "utf8")).components.schemas as Record<string, Schema>;
    const objects = Object.entries(schemas).filter(([, schema]) => schema.properties);
    expect(objects.length).toBeGreaterThanOrEqual(5);
    for (const [name, schema] of objects) {
      const expected = Object.keys(schema.properties ?? {}).map((property) => (schema.required?.includes(property) ? property : `${property}?`));
      expect(reportedProperties(report, name).sort(), name).toEqual(expected.sort());
    }
  });
});

describe("check:api's comparison", () => {
  it("passes on the committed report itself", () => {
    expect(compareReports(REPORT, REPORT)).toEqual({ changed: false, diff: "", message: "" });
  });

  it("fails on a spec change's new ProcessV3 field that the committed report does not show, and diffs it", () => {
    // What API Extractor writes after `region2` is added to ProcessV3 in openapi.yaml and regenerated.
    const current = join(work, "current.api.md");
    writeFileSync(current, reportText().replace("        ProcessV3: {\n", "        ProcessV3: {\n            region2?: string;\n"));
    const committed = join(work, "committed.api.md");
    copyFileSync(REPORT, committed);
    const comparison = compareReports(committed, current);
    expect(comparison.changed).toBe(true);
    expect(comparison.diff).toMatch(/^\+\s+region2\?: string;$/m);
    expect(comparison.diff.split("\n").filter((line) => /^[+-]\s/.test(line))).toEqual(["+            region2?: string;"]);
    expect(comparison.message).toContain("The exported API changed");
    expect(comparison.message).toContain("npm run api:update");
  });

  it("names every export or member API Extractor marks undocumented", () => {
    const report = "// (undocumented)\nexport function naked(): void;\n\n/** Documented. */\nexport function fine(): void;\n";
    expect(undocumentedItems(report)).toEqual(["export function naked(): void;"]);
    expect(undocumentedItems(reportText())).toEqual([]);
  });
});

describe("check:api on the packed package", () => {
  let extracted: ReturnType<typeof extractApiReport>;
  beforeAll(async () => {
    // The pack built dist/ (prepack) and packed these very files. API Extractor is given the
    // repository's copy: it takes anything under node_modules/ for another package's API.
    await packedPackage();
    extracted = extractApiReport(repo, join(repo, "dist/index.d.ts"), join(work, "extracted"));
  }, 240_000);

  it("the exported API is the committed report, and API Extractor found no problem", () => {
    const comparison = compareReports(REPORT, extracted.current);
    expect(comparison.diff, `${comparison.message}\n${comparison.diff}`).toBe("");
    expect(comparison.changed).toBe(false);
    expect([extracted.result.errorCount, extracted.result.warningCount]).toEqual([0, 0]);
  });

  it("every export and member has a TSDoc comment", () => {
    expect(undocumentedItems(readFileSync(extracted.current, "utf8"))).toEqual([]);
  });
});
