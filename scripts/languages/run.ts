// npm run test:languages: generates Go, Python, Java, C# and Rust clients from dist/openapi.json
// with OpenAPI Generator, compiles each with a small program (go/, python/, java/, csharp/,
// rust/), and runs every program against Prism static, Prism dynamic (-d) and a local server
// that answers with values the spec does not list and records what it was sent, and against
// hathora-processes-server (on Docker when `docker info` answers, else its fake engine). Prints a
// language x check table and exits 1 if any cell fails. A language may declare a known
// failure (a generator limitation, see languages.ts): that cell is shown and counted as a
// known failure, never as a pass, and the run fails if it starts passing, so that the README
// can be corrected.
//
//   npm run test:languages                        everything
//   npm run test:languages -- --only go,csharp    some languages
//   npm run test:languages -- --spec other.json   generate from another bundled spec
//
// Toolchains are installed when missing (Debian packages, generator npm packages into
// ${XDG_CACHE_HOME:-~/.cache}/hathora-processes/); generated clients and builds live there
// too and are rebuilt only when the spec, the generator options or a program change.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { startPrism, type PrismServer } from "../prism.js";
import { exec, mustExec } from "./exec.js";
import { languages, type Language } from "./languages.js";
import { runDocsSnippets } from "./docs-snippets.js";
import { checkOddRequests, type OddGroup } from "./odd-requests.js";
import { startOddServer, type OddServer } from "./odd-server.js";
import { startServedServer, type ServedServer } from "./served.js";
import { verdict, type Cell } from "./verdict.js";
import { ensureDebianPackages, ensureGenerators } from "./toolchains.js";

const root = fileURLToPath(new URL("../../", import.meta.url));
const here = fileURLToPath(new URL(".", import.meta.url));
const cacheDir = join(process.env.XDG_CACHE_HOME || join(homedir(), ".cache"), "hathora-processes");
// Not a real token: Prism and the odd server only check that a bearer token is sent.
const TOKEN = "languages-test-token";
const KINDS = ["static", "dynamic", "odd", "served"] as const;
type Kind = (typeof KINDS)[number];
/** One column per server, and one for what the odd server saw of the multi-value filters. */
const COLUMNS = ["static", "dynamic", "odd", "multi", "served"] as const;
type Column = (typeof COLUMNS)[number];
const COLUMN_NAMES: Record<Column, string> = {
  static: "Prism static",
  dynamic: "Prism dynamic",
  odd: "unlisted values",
  multi: "multi-value filters",
  served: "served by hathora-processes-server",
};

const { values: flags } = parseArgs({ options: { only: { type: "string" }, spec: { type: "string" } } });
const started = performance.now();
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const step = (message: string) => console.log(`[${seconds(performance.now() - started)}] ${message}`);

async function bundledSpec(): Promise<string> {
  if (flags.spec) return resolve(flags.spec);
  const spec = join(root, "dist/openapi.json");
  const source = join(root, "openapi.yaml");
  if (!existsSync(spec) || statSync(spec).mtimeMs < statSync(source).mtimeMs) {
    // The bundle step of `npm run build`, alone: the TypeScript build is not needed here.
    await mustExec(process.execPath, [join(root, "scripts/redocly.mjs"), "bundle", source, "--output", spec], { cwd: root });
    step("bundled openapi.yaml into dist/openapi.json");
  }
  return spec;
}

/** Generates and compiles one language unless the same inputs were already built. */
async function build(language: Language, spec: string): Promise<{ ok: boolean; ms: number; cached: boolean; output: string }> {
  const t0 = performance.now();
  const dir = join(cacheDir, "languages", language.id);
  const key = createHash("sha256")
    .update(readFileSync(spec))
    .update(language.generatorVersion)
    .update(JSON.stringify(language.generatorArgs))
    .update(readFileSync(join(here, "languages.ts")))
    .update(language.programFiles.map((file) => readFileSync(join(here, file), "utf8")).join("\0"))
    .update(readFileSync(join(here, "toolchains.ts")))
    .digest("hex");
  const stamp = join(dir, "built-from");
  if (existsSync(stamp) && readFileSync(stamp, "utf8") === key) return { ok: true, ms: performance.now() - t0, cached: true, output: "" };
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  try {
    await language.build({ cacheDir, spec, dir });
    writeFileSync(stamp, key);
    return { ok: true, ms: performance.now() - t0, cached: false, output: "" };
  } catch (error) {
    return { ok: false, ms: performance.now() - t0, cached: false, output: error instanceof Error ? error.message : String(error) };
  }
}

/** Runs one program against one server; against the odd server also judges what it sent. */
async function runProgram(language: Language, kind: Kind, url: string, odd: OddServer, served: ServedServer): Promise<Partial<Record<Column, Cell>>> {
  const dir = join(cacheDir, "languages", language.id);
  const { command, args, env } = language.command(dir, url, kind, TOKEN);
  odd.takeRequests();
  // Against the server, a real process to get, stop and measure; elsewhere the example's id.
  let processEnv = {};
  if (kind === "served") {
    try {
      processEnv = { HATHORA_TEST_PROCESS_ID: await served.freshProcess() };
    } catch (error) {
      return { served: { ok: false, ms: 0, output: `FAIL could not create a process to test with: ${error instanceof Error ? error.message : String(error)}\n` } };
    }
  }
  const result = await exec(command, args, { env: { ...env, ...processEnv }, timeoutMs: 120_000 });
  if (kind !== "odd") return { [kind]: { ok: result.code === 0, ms: result.ms, output: result.output } };

  const groups: OddGroup[] = ["requests", "multi-value filters", ...(language.oneValuePerFilterCall ? (["one value per filter"] as const) : [])];
  const problems = checkOddRequests(odd.takeRequests(), groups);
  const lines = (group: OddGroup, passed: string) => {
    const found = problems.get(group) ?? [];
    return found.length ? found.map((problem) => `FAIL server saw: ${problem}\n`).join("") : `ok   server saw ${passed}\n`;
  };
  let output = result.output + lines("requests", "every call, start/end digit for digit, the bearer token");
  if (language.oneValuePerFilterCall) output += lines("one value per filter", "a list call with one status and one region as sent");
  const multi = problems.get("multi-value filters") ?? [];
  const oddOk = result.code === 0 && problems.get("requests")!.length === 0 && (problems.get("one value per filter")?.length ?? 0) === 0;
  return {
    odd: { ok: oddOk, ms: result.ms, output },
    multi: { ok: multi.length === 0, ms: 0, output: lines("multi-value filters", "status, region and metrics with two values each as repeated keys"), problems: multi },
  };
}

async function main(): Promise<number> {
  const only = flags.only?.toLowerCase().split(",");
  const chosen = languages.filter((language) => !only || only.includes(language.id));
  if (chosen.length === 0) throw new Error(`--only ${flags.only}: no such language (${languages.map((language) => language.id).join(", ")})`);

  const installed = await ensureDebianPackages();
  step(installed.length ? `installed Debian packages: ${installed.join(" ")}` : "toolchains present");
  const generators = await ensureGenerators(cacheDir);
  step(generators.length ? `installed generators ${generators.join(", ")} into ${cacheDir}` : "generators present");
  const spec = await bundledSpec();

  // Prism takes a few seconds to start; the builds take longer. Both at once.
  const servers: { prismStatic?: PrismServer; prismDynamic?: PrismServer; odd?: OddServer; served?: ServedServer } = {};
  const stopAll = () => Promise.all([servers.prismStatic?.stop(), servers.prismDynamic?.stop(), servers.odd?.stop(), servers.served?.stop()]);
  try {
    const serversReady = Promise.all([
      startPrism({ spec }).then((server) => (servers.prismStatic = server)),
      startPrism({ spec, dynamic: true }).then((server) => (servers.prismDynamic = server)),
      startOddServer(TOKEN).then((server) => (servers.odd = server)),
      startServedServer(TOKEN).then((server) => (servers.served = server)),
    ]);
    serversReady.catch(() => {}); // awaited below, after the builds; this only keeps Node from calling it unhandled meanwhile
    const builds = await Promise.all(chosen.map((language) => build(language, spec)));
    await serversReady;
    step(`Prism static, Prism dynamic, the unlisted-values server and hathora-processes-server (${servers.served!.engine} engine) are listening`);
    COLUMN_NAMES.served = `served by hathora-processes-server (${servers.served!.engine === "docker" ? "Docker engine" : "fake engine: no Docker here"})`;
    const urls: Record<Kind, string> = { static: servers.prismStatic!.url, dynamic: servers.prismDynamic!.url, odd: servers.odd!.url, served: servers.served!.url };

    const rows: Array<{ language: Language; build: (typeof builds)[number]; cells: Partial<Record<Column, Cell>> }> = [];
    for (const [index, language] of chosen.entries()) {
      const built = builds[index]!;
      const row = { language, build: built, cells: {} as Partial<Record<Column, Cell>> };
      rows.push(row);
      console.log(`\n== ${language.name}: generator ${language.generatorVersion} ${language.generatorArgs.join(" ")}`);
      if (!built.ok) {
        console.log(`FAIL build:\n${built.output}`);
        continue;
      }
      console.log(built.cached ? "build: unchanged inputs, reused" : `build: generated and compiled in ${seconds(built.ms)}`);
      for (const kind of KINDS) Object.assign(row.cells, await runProgram(language, kind, urls[kind], servers.odd!, servers.served!));
      for (const column of COLUMNS) {
        const cell = row.cells[column];
        if (!cell) continue;
        const known = language.knownFailures?.[column];
        const time = column === "multi" ? "" : `, ${seconds(cell.ms)}`;
        console.log(`-- ${COLUMN_NAMES[column]} (${verdict(language.knownFailures?.[column], cell)}${time})\n${cell.output.trimEnd().replace(/^/gm, "   ")}`);
        if (known) console.log(`   known generator limitation: ${known.reason}`);
      }
    }

    const header = ["language", "build", ...COLUMNS.map((column) => COLUMN_NAMES[column])];
    const verdicts = rows.map(({ language, cells }) => COLUMNS.map((column) => verdict(language.knownFailures?.[column], cells[column])));
    const table = rows.map(({ language, build: built, cells }, index) => [
      language.name,
      built.ok ? (built.cached ? "reused" : `ok ${seconds(built.ms)}`) : "FAIL",
      ...COLUMNS.map((column, at) => {
        const cell = cells[column];
        return cell && column !== "multi" ? `${verdicts[index]![at]} ${seconds(cell.ms)}` : verdicts[index]![at]!;
      }),
    ]);
    const widths = header.map((title, column) => Math.max(title.length, ...table.map((row) => row[column]!.length)));
    const line = (cells: string[]) => `| ${cells.map((cell, column) => cell.padEnd(widths[column]!)).join(" | ")} |`;
    console.log(`\n${line(header)}\n|${widths.map((width) => "-".repeat(width + 2)).join("|")}|\n${table.map(line).join("\n")}`);
    const snippets = await runDocsSnippets(rows.filter((row) => row.build.ok).map((row) => row.language), cacheDir);
    const all = verdicts.flat();
    const passed = all.filter((v) => v === "pass").length + snippets.ran - snippets.failed;
    const known = all.filter((v) => v === "known failure").length;
    const failed = all.length - all.filter((v) => v === "pass").length - known + snippets.failed;
    console.log(`\ntotal ${seconds(performance.now() - started)}`);
    for (const [index, { language }] of rows.entries()) {
      for (const [at, column] of COLUMNS.entries()) {
        const reason = language.knownFailures?.[column]?.reason;
        if (verdicts[index]![at] === "known failure") console.log(`known failure, not counted as passed: ${language.name}, ${COLUMN_NAMES[column]}: ${reason}`);
        if (verdicts[index]![at] === "FAIL: known failure passed") {
          console.log(`${language.name}, ${COLUMN_NAMES[column]} passes now: remove it from knownFailures in scripts/languages/languages.ts and correct the README`);
        }
      }
    }
    console.log(`${known} known failure(s)`);
    console.log(`languages: ${passed} passed, ${failed} failed`);
    return failed === 0 ? 0 : 1;
  } finally {
    await stopAll();
  }
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => process.exit(130)); // the exit handlers of exec.ts and prism.ts kill every child
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`test:languages: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
