// How each language's client is generated from dist/openapi.json, compiled together with its
// small program (go/, python/, java/ beside this file), and run. The README's "Generate a
// client in another language" shows these same commands; keep the two in step.
import { cpSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { mustExec } from "./exec.js";
import { DEBIAN_GOPATH, DEBIAN_JARS, generatorJar, PYTHON, type GeneratorVersion } from "./toolchains.js";

const here = fileURLToPath(new URL(".", import.meta.url));

export interface Language {
  name: "Go" | "Python" | "Java";
  generatorVersion: GeneratorVersion;
  /** Arguments after `java -jar openapi-generator.jar generate -i <spec> -o <dir>`. */
  generatorArgs: string[];
  /** The program's source files, relative to scripts/languages/. */
  programFiles: string[];
  /** Generates the client into `dir` (empty) and compiles it with the program. */
  build(ctx: { cacheDir: string; spec: string; dir: string }): Promise<void>;
  /** The command that runs the program against one server. */
  command(dir: string, baseUrl: string, kind: string, token: string): { command: string; args: string[]; env: NodeJS.ProcessEnv };
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
  generatorVersion: "4.3.1",
  generatorArgs: ["-g", "go-experimental"],
  programFiles: ["go/main.go"],
  async build({ cacheDir, spec, dir }) {
    const client = join(dir, "gopath/src", GO_CLIENT_IMPORT_PATH);
    await generate(this, cacheDir, spec, client);
    const program = join(dir, "gopath/src/hathora-languages-test");
    mkdirSync(program, { recursive: true });
    cpSync(join(here, "go/main.go"), join(program, "main.go"));
    await mustExec("go", ["build", "-o", join(dir, "program"), "."], { cwd: program, env: goEnv(dir) });
  },
  command: (dir, baseUrl, kind, token) => ({ command: join(dir, "program"), args: [baseUrl, kind], env: { ...process.env, HATHORA_TEST_TOKEN: token } }),
};

// Python 3 from Debian (/usr/bin/python3, not a pyenv one) with Debian's urllib3, six,
// python-dateutil and certifi. `python`, not the stricter `python-experimental`: every model
// of python-experimental imports `nulltype`, which only PyPI has.
const python: Language = {
  name: "Python",
  generatorVersion: "5.0.0-beta2",
  generatorArgs: ["-g", "python"],
  programFiles: ["python/main.py"],
  async build({ cacheDir, spec, dir }) {
    const client = join(dir, "client");
    await generate(this, cacheDir, spec, client);
    // Byte-compiles (a syntax check) into the cache, never beside main.py in the repository.
    const pycache = { ...process.env, PYTHONPYCACHEPREFIX: join(dir, "pycache") };
    await mustExec(PYTHON, ["-m", "compileall", "-q", join(client, "openapi_client"), join(here, "python/main.py")], { env: pycache });
    await mustExec(PYTHON, ["-c", "import openapi_client"], { env: { ...process.env, PYTHONPATH: client } });
  },
  command: (dir, baseUrl, kind, token) => ({
    command: PYTHON,
    args: ["-B", join(here, "python/main.py"), baseUrl, kind],
    env: { ...process.env, PYTHONPATH: join(dir, "client"), HATHORA_TEST_TOKEN: token },
  }),
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

export const languages: readonly Language[] = [go, python, java];
