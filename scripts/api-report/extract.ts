// Runs API Extractor (api-extractor.json) on a declaration entry point: the one scripts/api-report/
// cli.ts emits from src/, or the packed package's dist/index.d.ts, which is what `npm test` checks
// (test/spec/api-report.test.ts), so that it needs no declaration emit of its own.
import { join, resolve } from "node:path";
import { Extractor, ExtractorConfig, type ExtractorResult } from "@microsoft/api-extractor";

/** The report file name API Extractor writes (the package's name). */
export const REPORT_NAME = "hathora-processes.api.md";

/** API Extractor's outcome and the report it wrote for the API as it is. */
export interface Extracted {
  result: ExtractorResult;
  /** The path of the report of the current API (in `tempFolder`). */
  current: string;
}

/**
 * Extracts the API of `entryDeclarations` (an index.d.ts) from `repo`'s api-extractor.json.
 * `update` rewrites the committed report (API Extractor's local build) instead of only writing the
 * current one into `tempFolder`.
 */
export function extractApiReport(repo: string, entryDeclarations: string, tempFolder: string, update = false): Extracted {
  const configPath = resolve(repo, "api-extractor.json");
  const configObject = ExtractorConfig.loadFile(configPath);
  configObject.mainEntryPointFilePath = resolve(entryDeclarations);
  if (configObject.apiReport) configObject.apiReport.reportTempFolder = resolve(tempFolder);
  const config = ExtractorConfig.prepare({ configObject, configObjectFullPath: configPath, packageJsonFullPath: resolve(repo, "package.json") });
  const result = Extractor.invoke(config, { localBuild: update, showVerboseMessages: false });
  return { result, current: join(tempFolder, REPORT_NAME) };
}
