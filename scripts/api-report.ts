// The TypeScript public surface as a committed report, etc/hathora-processes.api.md, written by
// API Extractor (api-extractor.json) from the declarations of src/index.ts.
//   npm run check:api    (part of npm test) fails when the exported API differs from the report
//   npm run api:update   rewrites the report; commit it with the change that caused it
// Declarations only are emitted, in-process, into .tmp/api-report/: no JavaScript and no
// second Node start, which keeps the check to a few seconds.
import { spawnSync } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import { parseArgs } from "node:util";
import { Extractor, ExtractorConfig } from "@microsoft/api-extractor";
import ts from "typescript";

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
const result = Extractor.invoke(ExtractorConfig.loadFileAndPrepare("api-extractor.json"), {
  localBuild: args.update, // true: rewrite the report; false: compare with it
  showVerboseMessages: false,
});
// Checked first: outside a local build, API Extractor counts a changed report as a failure too.
if (result.apiReportChanged && !args.update) {
  const temp = `.tmp/api-report-temp/hathora-processes.api.md`;
  spawnSync("git", ["--no-pager", "diff", "--no-index", "--", REPORT, temp], { stdio: "inherit" });
  console.error(`The exported API changed and ${REPORT} does not show it (diff above). If the change is meant, run \`npm run api:update\` and commit ${REPORT}.`);
  process.exit(1);
}
if (!result.succeeded) {
  console.error(`API Extractor failed with ${result.errorCount} error(s) and ${result.warningCount} warning(s); see above.`);
  process.exit(1);
}
// TSDoc on every export: API Extractor marks an export or member without it "(undocumented)".
const lines = readFileSync(REPORT, "utf8").split("\n");
const undocumented = lines.flatMap((line, index) => (line.includes("(undocumented)") ? [(lines[index + 1] ?? "").trim()] : []));
if (undocumented.length > 0) {
  console.error(`${undocumented.length} export(s) or member(s) have no TSDoc comment; document them in src/:\n${undocumented.map((item) => `  ${item}`).join("\n")}`);
  process.exit(1);
}
console.log(args.update ? `${REPORT} ${result.apiReportChanged ? "rewritten" : "already up to date"}.` : `${REPORT} matches the exported API, every item documented.`);
