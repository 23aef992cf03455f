// The TypeScript public surface as a committed report, etc/hathora-processes.api.md, written by
// API Extractor (api-extractor.json) from the declarations of src/index.ts.
//   npm run check:api    fails when the exported API differs from the report
//   npm run api:update   rewrites the report; commit it with the change that caused it
// Declarations only are emitted, in-process, into .tmp/api-report/: no JavaScript and no
// second Node start, which keeps the check to a few seconds. `npm test` makes the same check on
// the packed package's declarations instead (test/spec/api-report.test.ts), which it has built.
import { readFileSync, rmSync } from "node:fs";
import { parseArgs } from "node:util";
import ts from "typescript";
import { compareReports, undocumentedItems } from "./compare.js";
import { extractApiReport } from "./extract.js";

const { values: args } = parseArgs({ options: { update: { type: "boolean", default: false } } });
const DECLARATIONS = ".tmp/api-report";
const REPORT = "etc/hathora-processes.api.md";

function emitDeclarations(): void {
  rmSync(DECLARATIONS, { recursive: true, force: true });
  const overrides: ts.CompilerOptions = {
    outDir: DECLARATIONS,
    declaration: true,
    emitDeclarationOnly: true,
    declarationMap: false,
    sourceMap: false,
    noEmit: false,
  };
  const config = ts.getParsedCommandLineOfConfigFile("tsconfig.build.json", overrides, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
      throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n"));
    },
  });
  if (!config) throw new Error("tsconfig.build.json could not be read.");
  const program = ts.createProgram(config.fileNames, config.options);
  const result = program.emit();
  const problems = [...ts.getPreEmitDiagnostics(program), ...result.diagnostics];
  if (problems.length > 0) {
    const host = { getCanonicalFileName: (f: string) => f, getCurrentDirectory: ts.sys.getCurrentDirectory, getNewLine: () => "\n" };
    console.error(ts.formatDiagnostics(problems, host));
    throw new Error("The declarations of src/ do not compile; see above.");
  }
}

emitDeclarations();
// update: API Extractor rewrites the report (its local build); otherwise it only writes the current one.
const { result, current } = extractApiReport(".", `${DECLARATIONS}/index.d.ts`, ".tmp/api-report-temp", args.update);
// Compared first: outside a local build, API Extractor counts a changed report as a failure too.
const comparison = args.update ? undefined : compareReports(REPORT, current);
if (comparison?.changed) {
  process.stdout.write(comparison.diff);
  console.error(comparison.message);
  process.exit(1);
}
if (!result.succeeded) {
  console.error(`API Extractor failed with ${result.errorCount} error(s) and ${result.warningCount} warning(s); see above.`);
  process.exit(1);
}
// TSDoc on every export: API Extractor marks an export or member without it "(undocumented)".
const undocumented = undocumentedItems(readFileSync(REPORT, "utf8"));
if (undocumented.length > 0) {
  console.error(`${undocumented.length} export(s) or member(s) have no TSDoc comment; document them in src/:\n${undocumented.map((item) => `  ${item}`).join("\n")}`);
  process.exit(1);
}
console.log(args.update ? `${REPORT} ${result.apiReportChanged ? "rewritten" : "already up to date"}.` : `${REPORT} matches the exported API, every item documented.`);
