// The TypeScript reference: TypeDoc's static HTML of the package's exports (the main entry and the
// testing, opentelemetry, redis and server subpaths), from their TSDoc, with every docs/ page
// (the command's among them, which has no TypeScript API). Its pages, search index and assets are
// local files, so it opens from disk offline.
import { Application, OptionDefaults } from "typedoc";

/** The entry points of the reference: one per export of package.json that has TypeScript. */
const ENTRY_POINTS = ["src/index.ts", "src/testing/index.ts", "src/opentelemetry/index.ts", "src/redis/index.ts", "src/server/index.ts"];

/** Writes the TypeScript reference into the folder `outDir` (index.html and its assets). */
export async function buildTypeScriptReference(outDir: string): Promise<void> {
  const app = await Application.bootstrapWithPlugins({
    entryPoints: ENTRY_POINTS,
    tsconfig: "tsconfig.build.json",
    name: "hathora-processes",
    readme: "none",
    // The docs/ pages come in as project documents, next to the API they describe.
    projectDocuments: ["docs/*.md"],
    // openapi-typescript writes the spec's descriptions and formats as these tags.
    blockTags: [...OptionDefaults.blockTags, "@description", "@enum", "@format"],
    // The languages the docs pages show, besides TypeDoc's defaults.
    highlightLanguages: [...OptionDefaults.highlightLanguages, "md", "go", "python", "java", "csharp", "rust", "yaml", "text"],
    // Every export is documented (npm run check:api holds it so); say so if one is not.
    validation: { notExported: true, invalidLink: true, notDocumented: true },
    treatWarningsAsErrors: true,
    githubPages: false,
    // Source links name the public repository, not whatever remote a clone has (a CI clone's is a
    // local path, which TypeDoc warns about).
    disableGit: true,
    sourceLinkTemplate: "https://github.com/hathora-processes/hathora-processes/blob/main/{path}#L{line}",
    hideGenerator: true,
    // `npm run typecheck` type-checks src/ already; a second full check here would double the cost.
    skipErrorChecking: true,
    logLevel: "Warn",
  });
  const project = await app.convert();
  if (!project) throw new Error("TypeDoc could not convert src/index.ts; see above.");
  await app.generateDocs(project, outDir);
  if (app.logger.hasErrors() || app.logger.hasWarnings()) throw new Error("TypeDoc reported problems; see above.");
}
