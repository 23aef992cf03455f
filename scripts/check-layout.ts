// The shape of src/ that a newcomer relies on, checked on every `npm test`: no import circle
// (type-only imports count: a circle of types still ties the files together) and no
// hand-written source file over 250 lines (src/generated is the generator's).
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";

const MAX_LINES = 250;
const root = resolve(process.argv[2] ?? "src");

/** Every .ts file under `dir`, as absolute paths. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith(".ts") ? [path] : [];
  });
}

// `import ... from "./x.js"`, `export ... from "./x.js"`, `import "./x.js"` and `import("./x.js")`:
// every relative specifier, whatever the import's kind.
const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(?\s*)["'](\.{1,2}\/[^"']+)["']/g;

function importsOf(file: string): string[] {
  const text = readFileSync(file, "utf8").replace(/^\s*\/\/.*$/gm, "");
  return [...text.matchAll(SPECIFIER)].map((match) => resolve(dirname(file), (match[1] as string).replace(/\.js$/, ".ts")));
}

/** Every elementary circle found by a depth-first walk, each reported once. */
function findCircles(graph: Map<string, string[]>): string[][] {
  const circles: string[][] = [];
  const seen = new Set<string>();
  const state = new Map<string, "open" | "done">();
  const stack: string[] = [];
  const visit = (file: string): void => {
    state.set(file, "open");
    stack.push(file);
    for (const next of graph.get(file) ?? []) {
      if (state.get(next) === "open") {
        const circle = stack.slice(stack.indexOf(next));
        const key = [...circle].sort().join("|");
        if (!seen.has(key)) {
          seen.add(key);
          circles.push([...circle, next]);
        }
      } else if (!state.has(next)) {
        visit(next);
      }
    }
    stack.pop();
    state.set(file, "done");
  };
  for (const file of graph.keys()) if (!state.has(file)) visit(file);
  return circles;
}

const files = sourceFiles(root);
const graph = new Map(files.map((file) => [file, importsOf(file)]));
const name = (file: string) => relative(process.cwd(), file);
const problems: string[] = [];
for (const circle of findCircles(graph)) problems.push(`import circle: ${circle.map(name).join(" -> ")}`);
for (const file of files) {
  if (file.includes(`${join(root, "generated")}`)) continue;
  const lines = readFileSync(file, "utf8").split("\n").length - 1;
  if (lines > MAX_LINES) problems.push(`${name(file)}: ${lines} lines, more than ${MAX_LINES}: split it by what its parts do`);
}
if (problems.length > 0) {
  console.error(problems.join("\n"));
  process.exit(1);
}
console.log(`${files.length} files in ${name(root)}: no import circle, none over ${MAX_LINES} lines (generated code aside).`);
