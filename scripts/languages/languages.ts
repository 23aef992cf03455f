// How each language's client is generated from dist/openapi.json, compiled together with its
// small program (go/, python/, java/, csharp/, rust/ beside this file), and run. The README's
// "Generate a client in another language" shows these same commands; keep the two in step.
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { mustExec } from "./exec.js";
import { CARGO, DEBIAN_GOPATH, DEBIAN_JARS, generatorJar, NEWTONSOFT_JSON, PYTHON, RUSTC, type GeneratorVersion } from "./toolchains.js";

const here = fileURLToPath(new URL(".", import.meta.url));

/** A check a generator is known to fail, and the only way it may fail to count as that. */
export interface KnownFailure {
  reason: string;
  /** Every problem the check reports must match; any other problem is a plain failure. */
  problem: RegExp;
}

export interface Language {
  name: "Go" | "Python" | "Java" | "C#" | "Rust";
  /** For `--only` and the cache folder. */
  id: "go" | "python" | "java" | "csharp" | "rust";
  generatorVersion: GeneratorVersion;
  /** Arguments after `java -jar openapi-generator.jar generate -i <spec> -o <dir>`. */
  generatorArgs: string[];
  /** The program's source files, relative to scripts/languages/. */
  programFiles: string[];
  /** Generates the client into `dir` (empty) and compiles it with the program. */
  build(ctx: { cacheDir: string; spec: string; dir: string }): Promise<void>;
  /** The command that runs the program against one server. */
  command(dir: string, baseUrl: string, kind: string, token: string): { command: string; args: string[]; env: NodeJS.ProcessEnv };
  /**
   * Checks this generator is known to fail, by column of the table, with the reason. Such a
   * cell is reported as a known failure, never as a pass; if it starts passing the run fails,
   * so that this entry and the README's language table get corrected.
   */
  knownFailures?: Partial<Record<"static" | "dynamic" | "odd" | "multi" | "served", KnownFailure>>;
  /** The program also lists with one value per filter against the odd server (the workaround for `knownFailures.multi`). */
  oneValuePerFilterCall?: boolean;
  /**
   * The command that runs this language's snippet of the docs (a program whose `docs:start`
   * region is the page's code block), against the package's fake on 127.0.0.1:4010.
   */
  docsSnippet?: (dir: string) => { command: string; args: string[]; env: NodeJS.ProcessEnv };
}

async function generate(language: Language, cacheDir: string, spec: string, out: string): Promise<void> {
  const jar = generatorJar(cacheDir, language.generatorVersion);
  await mustExec("java", ["-jar", jar, "generate", "-i", spec, "-o", out, ...language.generatorArgs]);
}

// GOPATH mode: the generated client's go.mod pins golang.org/x/oauth2 at a commit that only the
// Go module proxy has. Debian's golang-golang-x-oauth2-dev puts the sources (and those of
// golang.org/x/net that they import) under /usr/share/gocode, and GOPATH mode compiles
// against them with no network at all.
const GO_CLIENT_IMPORT_PATH = "github.com/GIT_USER_ID/GIT_REPO_ID"; // the generator's default

function goEnv(dir: string): NodeJS.ProcessEnv {
  return { ...process.env, GO111MODULE: "off", GOPATH: `${join(dir, "gopath")}:${DEBIAN_GOPATH}`, GOPROXY: "off", GOFLAGS: "", GOTOOLCHAIN: "local" };
}

const go: Language = {
  name: "Go",
  id: "go",
  generatorVersion: "4.3.1",
  generatorArgs: ["-g", "go-experimental"],
  programFiles: ["go/main.go", "go/docs-snippet/main.go"],
  async build({ cacheDir, spec, dir }) {
    const client = join(dir, "gopath/src", GO_CLIENT_IMPORT_PATH);
    await generate(this, cacheDir, spec, client);
    const program = join(dir, "gopath/src/hathora-languages-test");
    mkdirSync(program, { recursive: true });
    cpSync(join(here, "go/main.go"), join(program, "main.go"));
    await mustExec("go", ["build", "-o", join(dir, "program"), "."], { cwd: program, env: goEnv(dir) });
    const snippet = join(dir, "gopath/src/hathora-docs-snippet");
    mkdirSync(snippet, { recursive: true });
    cpSync(join(here, "go/docs-snippet/main.go"), join(snippet, "main.go"));
    await mustExec("go", ["build", "-o", join(dir, "docs-snippet"), "."], { cwd: snippet, env: goEnv(dir) });
  },
  command: (dir, baseUrl, kind, token) => ({ command: join(dir, "program"), args: [baseUrl, kind], env: { ...process.env, HATHORA_TEST_TOKEN: token } }),
  docsSnippet: (dir) => ({ command: join(dir, "docs-snippet"), args: [], env: process.env }),
};

// Python 3 from Debian (/usr/bin/python3, not a pyenv one) with Debian's urllib3, six,
// python-dateutil and certifi. `python`, not the stricter `python-experimental`: every model
// of python-experimental imports `nulltype`, which only PyPI has.
const python: Language = {
  name: "Python",
  id: "python",
  generatorVersion: "5.0.0-beta2",
  generatorArgs: ["-g", "python"],
  programFiles: ["python/main.py", "python/docs_snippet.py"],
  async build({ cacheDir, spec, dir }) {
    const client = join(dir, "client");
    await generate(this, cacheDir, spec, client);
    // Byte-compiles (a syntax check) into the cache, never beside main.py in the repository.
    const pycache = { ...process.env, PYTHONPYCACHEPREFIX: join(dir, "pycache") };
    await mustExec(PYTHON, ["-m", "compileall", "-q", join(client, "openapi_client"), join(here, "python/main.py"), join(here, "python/docs_snippet.py")], { env: pycache });
    await mustExec(PYTHON, ["-c", "import openapi_client"], { env: { ...process.env, PYTHONPATH: client } });
  },
  command: (dir, baseUrl, kind, token) => ({
    command: PYTHON,
    args: ["-B", join(here, "python/main.py"), baseUrl, kind],
    env: { ...process.env, PYTHONPATH: join(dir, "client"), HATHORA_TEST_TOKEN: token },
  }),
  docsSnippet: (dir) => ({ command: PYTHON, args: ["-B", join(here, "python/docs_snippet.py")], env: { ...process.env, PYTHONPATH: join(dir, "client") } }),
};

// Java: the `native` library (java.net.http, Java 11+) with Jackson, because Debian has Jackson
// (2.14) and JSR-305, while the default okhttp-gson needs gson-fire and OkHttp's logging
// interceptor, which only Maven has. Two pieces of every 5.0.0-beta2 Java library are in
// neither Debian nor npm on their own, but the generator's own jar bundles them, so they are
// taken from there: io.swagger.annotations 1.6 (annotations on the models; needed to compile
// only, the JVM ignores annotations whose classes are absent) and jackson-datatype-jsr310
// (JavaTimeModule, which ApiClient always registers, for the date-time fields).
const java: Language = {
  name: "Java",
  id: "java",
  generatorVersion: "5.0.0-beta2",
  generatorArgs: ["-g", "java", "--library", "native", "--additional-properties", "openApiNullable=false"],
  programFiles: ["java/Main.java"],
  async build({ cacheDir, spec, dir }) {
    const client = join(dir, "client");
    await generate(this, cacheDir, spec, client);
    const jar = generatorJar(cacheDir, this.generatorVersion);
    for (const [folder, packagePath] of [["compile-only", "io/swagger/annotations/"], ["runtime", "com/fasterxml/jackson/datatype/jsr310/"]] as const) {
      mkdirSync(join(dir, folder), { recursive: true });
      await mustExec("jar", ["xf", jar, packagePath], { cwd: join(dir, folder) });
    }
    const sources = (await mustExec("find", [join(client, "src/main/java"), "-name", "*.java"])).output.split("\n").filter(Boolean);
    const classpath = [...DEBIAN_JARS, join(dir, "runtime"), join(dir, "compile-only")].join(":");
    await mustExec("javac", ["-nowarn", "-encoding", "UTF-8", "-d", join(dir, "classes"), "-cp", classpath, ...sources, join(here, "java/Main.java")]);
  },
  command: (dir, baseUrl, kind, token) => ({
    command: "java",
    args: ["-cp", [join(dir, "classes"), ...DEBIAN_JARS, join(dir, "runtime")].join(":"), "Main", baseUrl, kind],
    env: { ...process.env, HATHORA_TEST_TOKEN: token },
  }),
};

// C#: `csharp-netcore`, compiled with Mono's `mcs` against Debian's Newtonsoft.Json (6.0) and
// Mono's System.Net.Http. The generated HTTP layer (Client/ApiClient.cs on RestSharp,
// Client/RetryConfiguration.cs on Polly) needs NuGet packages that neither Debian nor npm has;
// those two files are deleted and csharp/ApiClient.cs, an HttpClient implementation of the
// same generated interfaces, is compiled in their place. Everything else is as generated.
const CSHARP_REPLACED = ["Client/ApiClient.cs", "Client/RetryConfiguration.cs"];
const csharp: Language = {
  name: "C#",
  id: "csharp",
  generatorVersion: "5.0.0-beta2",
  generatorArgs: ["-g", "csharp-netcore"],
  programFiles: ["csharp/Program.cs", "csharp/ApiClient.cs"],
  async build({ cacheDir, spec, dir }) {
    const client = join(dir, "client");
    await generate(this, cacheDir, spec, client);
    const sources = join(client, "src/Org.OpenAPITools");
    for (const file of CSHARP_REPLACED) rmSync(join(sources, file));
    const generated = (await mustExec("find", [sources, "-name", "*.cs"])).output.split("\n").filter(Boolean);
    const references = ["System.Net.Http", "System.Runtime.Serialization", "System.ComponentModel.DataAnnotations", NEWTONSOFT_JSON];
    await mustExec("mcs", [
      "-nologo",
      "-nowarn:0472,0612,0618,1591", // the generated models' own warnings (DateTime compared with null, obsolete members)
      "-target:exe",
      `-out:${join(dir, "program.exe")}`,
      ...references.map((reference) => `-r:${reference}`),
      ...generated,
      ...this.programFiles.map((file) => join(here, file)),
    ]);
  },
  command: (dir, baseUrl, kind, token) => ({ command: "mono", args: [join(dir, "program.exe"), baseUrl, kind], env: { ...process.env, HATHORA_TEST_TOKEN: token } }),
};

// Rust: `rust --library reqwest`, built by Debian's cargo and rustc, offline, against the crate
// sources Debian's librust-*-dev packages install (rust/config.toml). The generated Cargo.toml
// asks for reqwest 0.10 and url 1.5; Debian has reqwest 0.11 and url 2, which the generated
// code compiles against unchanged, so those two requirements are edited. Known limitation:
// this generator joins every array query parameter with commas (`status=running%2Cstarting`),
// although the spec says `explode: true`; Hathora reads repeated keys.
const rust: Language = {
  name: "Rust",
  id: "rust",
  generatorVersion: "5.0.0-beta2",
  generatorArgs: ["-g", "rust", "--library", "reqwest"],
  programFiles: ["rust/main.rs", "rust/Cargo.toml", "rust/config.toml"],
  knownFailures: {
    multi: {
      reason:
        "OpenAPI Generator 5.0.0-beta2's rust/reqwest client joins array query parameters with commas " +
        "(status=running%2Chibernating) instead of repeating the key as explode: true asks; " +
        "call with one value per filter, or patch src/apis/*.rs (see the README)",
      // `status arrived as ["running,hibernating"]`: one value, the two joined by a comma.
      problem: /: (status|region|metrics) arrived as \["[^",]+,[^",]+"\], expected/,
    },
  },
  oneValuePerFilterCall: true,
  async build({ cacheDir, spec, dir }) {
    const client = join(dir, "client");
    await generate(this, cacheDir, spec, client);
    const manifest = join(client, "Cargo.toml");
    const edited = readFileSync(manifest, "utf8").replace(/^url = "1\.5"$/m, 'url = "2"').replace(/^version = "\^0\.10"$/m, 'version = "0.11"');
    if (!edited.includes('url = "2"') || !edited.includes('version = "0.11"')) throw new Error(`${manifest}: the url and reqwest requirements were not where expected`);
    writeFileSync(manifest, edited);
    const program = join(dir, "program");
    mkdirSync(join(program, ".cargo"), { recursive: true });
    for (const file of ["main.rs", "Cargo.toml"]) cpSync(join(here, "rust", file), join(program, file));
    cpSync(join(here, "rust/config.toml"), join(program, ".cargo/config.toml"));
    // The target folder outside `dir`: compiled dependencies survive a rebuild of the client.
    await mustExec(CARGO, ["build", "--offline", "--quiet", "--target-dir", join(cacheDir, "cargo-target")], {
      cwd: program,
      env: { ...process.env, CARGO_HOME: join(cacheDir, "cargo-home"), RUSTC, CARGO_TERM_COLOR: "never" },
    });
    cpSync(join(cacheDir, "cargo-target/debug/program"), join(dir, "program-bin"));
  },
  command: (dir, baseUrl, kind, token) => ({ command: join(dir, "program-bin"), args: [baseUrl, kind], env: { ...process.env, HATHORA_TEST_TOKEN: token } }),
};

export const languages: readonly Language[] = [go, python, java, csharp, rust];
