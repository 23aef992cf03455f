// Installs what `npm run test:languages` needs, only when it is missing: Debian packages for
// Go, Java, Python, C# (Mono) and Rust (the only registries this project's machines reach are npm and
// Debian), and OpenAPI Generator from the npm packages that still bundle its jar (later
// versions of @openapitools/openapi-generator-cli download the jar at run time).
import { existsSync, mkdirSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { exec, mustExec } from "./exec.js";

/** The generator versions used, by the npm package version that bundles each jar. */
export const GENERATOR_PACKAGES = { "4.3.1": "1.0.18-4.3.1", "5.0.0-beta2": "1.0.18-5.0.0-beta2" } as const;
export type GeneratorVersion = keyof typeof GENERATOR_PACKAGES;

export const PYTHON = "/usr/bin/python3";
/** Debian's Go sources (golang.org/x/oauth2 and what it imports), used in GOPATH mode. */
export const DEBIAN_GOPATH = "/usr/share/gocode";
export const DEBIAN_JARS = ["jackson-databind", "jackson-core", "jackson-annotations", "jsr305"].map((name) => `/usr/share/java/${name}.jar`);
/** Debian's Newtonsoft.Json 6.0 (libnewtonsoft-json-cil-dev), for `mcs -r:`. */
export const NEWTONSOFT_JSON = "/usr/lib/cli/Newtonsoft.Json-5.0/Newtonsoft.Json.dll";
/** Debian's cargo and rustc by full path: a rustup install earlier on PATH would be another toolchain. */
export const CARGO = "/usr/bin/cargo";
export const RUSTC = "/usr/bin/rustc";
/** Where Debian's librust-*-dev packages put crate sources (the directory source of rust/config.toml). */
const CARGO_REGISTRY = "/usr/share/cargo/registry";
/** The crates the Rust client and program use, by Debian package. */
const RUST_CRATES: Record<string, string> = {
  serde: "librust-serde-dev",
  serde_derive: "librust-serde-derive-dev",
  serde_json: "librust-serde-json-dev",
  url: "librust-url-dev",
  reqwest: "librust-reqwest-dev",
  tokio: "librust-tokio-dev",
};

interface Requirement {
  what: string;
  present: () => Promise<boolean>;
  debianPackages: string[];
}

const onPath = (command: string) => async () => (await exec("sh", ["-c", `command -v ${command}`])).code === 0;
const files = (...paths: string[]) => async () => paths.every((path) => existsSync(path));
const crateSources = (crate: string) => async () =>
  existsSync(CARGO_REGISTRY) && readdirSync(CARGO_REGISTRY).some((entry) => entry.startsWith(`${crate}-`) && /^\d/.test(entry.slice(crate.length + 1)));

const requirements: Requirement[] = [
  { what: "Go compiler", present: onPath("go"), debianPackages: ["golang-go"] },
  { what: "golang.org/x/oauth2 sources", present: files(`${DEBIAN_GOPATH}/src/golang.org/x/oauth2/oauth2.go`), debianPackages: ["golang-golang-x-oauth2-dev"] },
  { what: "Java compiler", present: async () => (await onPath("javac")()) && (await onPath("java")()), debianPackages: ["default-jdk-headless"] },
  { what: "Jackson and JSR-305 jars", present: files(...DEBIAN_JARS), debianPackages: ["libjackson2-databind-java", "libjsr305-java"] },
  { what: "Debian's Python 3", present: files(PYTHON), debianPackages: ["python3"] },
  {
    what: "urllib3, six, python-dateutil, certifi for Debian's Python",
    present: async () => existsSync(PYTHON) && (await exec(PYTHON, ["-c", "import urllib3, six, dateutil, certifi"])).code === 0,
    debianPackages: ["python3-urllib3", "python3-six", "python3-dateutil", "python3-certifi"],
  },
  { what: "Mono (mono, mcs, System.Net.Http)", present: async () => (await onPath("mono")()) && (await onPath("mcs")()), debianPackages: ["mono-devel"] },
  { what: "Newtonsoft.Json for Mono", present: files(NEWTONSOFT_JSON), debianPackages: ["libnewtonsoft-json-cil-dev"] },
  { what: "Debian's cargo and rustc", present: files(CARGO, RUSTC), debianPackages: ["cargo", "rustc"] },
  ...Object.entries(RUST_CRATES).map(([crate, debianPackage]) => ({
    what: `the ${crate} crate's sources`,
    present: crateSources(crate),
    debianPackages: [debianPackage],
  })),
];

/** Installs the missing Debian packages in one apt-get call; returns what it installed. */
export async function ensureDebianPackages(): Promise<string[]> {
  const missing: string[] = [];
  for (const requirement of requirements) {
    if (!(await requirement.present())) missing.push(...requirement.debianPackages);
  }
  if (missing.length === 0) return [];
  if (process.getuid?.() !== 0) {
    throw new Error(`missing toolchains; install them with:\n  sudo apt-get install -y --no-install-recommends ${missing.join(" ")}`);
  }
  const install = ["-o", "DPkg::Lock::Timeout=900", "install", "-y", "--no-install-recommends", ...missing];
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  const first = await exec("apt-get", install, { env });
  if (first.code !== 0) {
    // A fresh machine may have no package lists yet.
    await mustExec("apt-get", ["-o", "DPkg::Lock::Timeout=900", "update"], { env });
    await mustExec("apt-get", install, { env });
  }
  for (const requirement of requirements) {
    if (!(await requirement.present())) throw new Error(`${requirement.what}: still missing after installing ${requirement.debianPackages.join(" ")}`);
  }
  return missing;
}

export function generatorJar(cacheDir: string, version: GeneratorVersion): string {
  return join(cacheDir, "generators", version, "node_modules/@openapitools/openapi-generator-cli/bin/openapi-generator.jar");
}

/** Installs each generator package into the cache when its jar is not there yet. */
export async function ensureGenerators(cacheDir: string): Promise<GeneratorVersion[]> {
  const installed: GeneratorVersion[] = [];
  for (const [version, npmVersion] of Object.entries(GENERATOR_PACKAGES) as Array<[GeneratorVersion, string]>) {
    if (existsSync(generatorJar(cacheDir, version))) continue;
    const prefix = join(cacheDir, "generators", version);
    mkdirSync(prefix, { recursive: true });
    // --ignore-scripts: the package's postinstall would try to download a jar from elsewhere.
    await mustExec("npm", ["install", "--prefix", prefix, "--no-save", "--ignore-scripts", "--no-audit", "--no-fund", `@openapitools/openapi-generator-cli@${npmVersion}`]);
    if (!existsSync(generatorJar(cacheDir, version))) throw new Error(`@openapitools/openapi-generator-cli@${npmVersion} has no bundled jar`);
    installed.push(version);
  }
  return installed;
}
