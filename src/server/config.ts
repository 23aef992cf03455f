// The server's configuration: the shape users write (YAML or JSON), and its check. Every error
// names the key it is about (`apps.app-1.image: ...`), and the check runs before anything
// listens or any Docker host is called.
import { ServerConfigError } from "./config-error.js";
import { knownKeys, readBoolean, readNumber, readObject, readString, type Path } from "./config-read.js";

/** Where one region's processes run. */
export interface RegionConfig {
  /** The Docker Engine of the region: `unix:///path/docker.sock` or `tcp://host:port`. @default "unix:///var/run/docker.sock" */
  docker?: string | undefined;
  /** The host players connect to (`exposedPort.host`). @default "127.0.0.1" for a unix socket, the tcp:// host otherwise */
  publicHost?: string | undefined;
  /** The host address ports are published on. @default "0.0.0.0" */
  bindHost?: string | undefined;
  /**
   * How `running` is told: `socket` (the container's own socket table, read from /proc; a local
   * Docker host only), `healthcheck` (the image's HEALTHCHECK says healthy), `started` (the
   * container runs: weaker, it says nothing of the game's port).
   * @default "socket" for a unix socket, "healthcheck" for tcp://
   */
  readiness?: "socket" | "healthcheck" | "started" | undefined;
  /** TLS client files for a tcp:// host that requires TLS (paths, PEM). */
  tls?: { ca: string; cert: string; key: string } | undefined;
}

/** One app: the image each of its processes runs, and how it is exposed. */
export interface AppConfig {
  /** The Docker image (present on each region's host; the server never pulls). Required with `engine: docker`; the fake engine runs nothing. */
  image?: string | undefined;
  /** The port the game binds inside its container. */
  containerPort: number;
  /** @default "tcp" */
  transportType?: "tcp" | "udp" | "tls" | undefined;
  /** `roomsPerProcess` of its processes (1 to 10000). @default 1 */
  roomsPerProcess?: number | undefined;
  /** Environment variables for its processes, besides HATHORA_PROCESS_ID, HATHORA_APP_ID, HATHORA_REGION and HATHORA_DEPLOYMENT_ID. */
  env?: Record<string, string> | undefined;
}

/** The configuration of `createProcessesServer` and of `hathora-processes-server --config FILE`. */
export interface ServerConfig {
  /** @default { host: "127.0.0.1", port: 7890 } (port 0: any free port) */
  listen?: { host?: string | undefined; port?: number | undefined } | undefined;
  /** Accepted bearer tokens: `{ env: NAME }` reads one from the environment; a literal string works, with a warning. */
  tokens: ReadonlyArray<string | { env: string }>;
  /** @default "docker" */
  engine?: "docker" | "fake" | undefined;
  /** Region name (a Region of the spec, or any other) -> where it runs. A create elsewhere is a 422. */
  regions: Record<string, RegionConfig>;
  /** App id -> its image and port. Any other app id is a 404. */
  apps: Record<string, AppConfig>;
  /** A process that has not bound its port after this long is killed and `failed` (Hathora: 100 s). @default 100 */
  bootTimeoutSeconds?: number | undefined;
  /** After StopProcess's SIGTERM, SIGKILL after this long. @default 10 */
  stopGraceSeconds?: number | undefined;
  /** An ended process stays listed this long, then its container is removed. @default 86400 */
  retentionSeconds?: number | undefined;
  /** Metrics history, kept in the server's memory. @default { sampleSeconds: 10, keepSeconds: 3600 } */
  metrics?: { sampleSeconds?: number | undefined; keepSeconds?: number | undefined } | undefined;
  /** One log line per request on stderr (never the token). @default true */
  logRequests?: boolean | undefined;
}

/** A region with every default applied. */
export interface ResolvedRegion {
  name: string;
  docker: string;
  publicHost: string;
  bindHost: string;
  readiness: "socket" | "healthcheck" | "started";
  tls: { ca: string; cert: string; key: string } | undefined;
}

/** An app with every default applied. */
export interface ResolvedApp {
  appId: string;
  image: string;
  containerPort: number;
  transportType: "tcp" | "udp" | "tls";
  roomsPerProcess: number;
  env: Record<string, string>;
}

/** The configuration as the server uses it: checked, defaults applied, tokens read. */
export interface ResolvedConfig {
  host: string;
  port: number;
  tokens: string[];
  engine: "docker" | "fake";
  regions: ResolvedRegion[];
  apps: ResolvedApp[];
  bootTimeoutMs: number;
  stopGraceMs: number;
  retentionMs: number;
  metricsSampleMs: number;
  metricsKeepMs: number;
  logRequests: boolean;
  /** Warnings to print once (a literal token in the file). */
  warnings: string[];
}

const TOP_KEYS = ["listen", "tokens", "engine", "regions", "apps", "bootTimeoutSeconds", "stopGraceSeconds", "retentionSeconds", "metrics", "logRequests"];

/** Checks a configuration object; throws `ServerConfigError` naming the first bad key. */
export function resolveConfig(raw: unknown, env: Record<string, string | undefined> = process.env): ResolvedConfig {
  const root = readObject(raw, []);
  knownKeys(root, [], TOP_KEYS);
  const listen = root.listen === undefined ? {} : readObject(root.listen, ["listen"]);
  knownKeys(listen, ["listen"], ["host", "port"]);
  const engine = readString(root.engine, ["engine"], "docker");
  if (engine !== "docker" && engine !== "fake") throw new ServerConfigError(["engine"], `must be "docker" or "fake", got ${JSON.stringify(engine)}`);
  const warnings: string[] = [];
  const tokens = readTokens(root.tokens, env, warnings);
  const regions = Object.entries(readObject(root.regions, ["regions"])).map(([name, value]) => readRegion(name, value));
  if (regions.length === 0) throw new ServerConfigError(["regions"], "name at least one region (e.g. Seattle: { docker: unix:///var/run/docker.sock })");
  const apps = Object.entries(readObject(root.apps, ["apps"])).map(([appId, value]) => readApp(appId, value, engine));
  if (apps.length === 0) throw new ServerConfigError(["apps"], "name at least one app (app id -> { image, containerPort })");
  const metrics = root.metrics === undefined ? {} : readObject(root.metrics, ["metrics"]);
  knownKeys(metrics, ["metrics"], ["sampleSeconds", "keepSeconds"]);
  const seconds = (value: unknown, path: Path, fallback: number, min: number) => readNumber(value, path, { fallback, min }) * 1000;
  return {
    host: readString(listen.host, ["listen", "host"], "127.0.0.1"),
    port: readNumber(listen.port, ["listen", "port"], { fallback: 7890, min: 0, max: 65535, integer: true }),
    tokens,
    engine,
    regions,
    apps,
    bootTimeoutMs: seconds(root.bootTimeoutSeconds, ["bootTimeoutSeconds"], 100, 0.1),
    stopGraceMs: seconds(root.stopGraceSeconds, ["stopGraceSeconds"], 10, 0),
    retentionMs: seconds(root.retentionSeconds, ["retentionSeconds"], 86_400, 0),
    metricsSampleMs: seconds(metrics.sampleSeconds, ["metrics", "sampleSeconds"], 10, 0.1),
    metricsKeepMs: seconds(metrics.keepSeconds, ["metrics", "keepSeconds"], 3600, 0),
    logRequests: readBoolean(root.logRequests, ["logRequests"], true),
    warnings,
  };
}

function readTokens(value: unknown, env: Record<string, string | undefined>, warnings: string[]): string[] {
  if (!Array.isArray(value) || value.length === 0) throw new ServerConfigError(["tokens"], "must be a list of at least one token: [ { env: HATHORA_SERVER_TOKEN } ]");
  return value.map((item: unknown, index) => {
    const path: Path = ["tokens", index];
    if (typeof item === "string") {
      if (item.trim() === "") throw new ServerConfigError(path, "must not be empty");
      warnings.push(`config tokens[${index}]: a literal token in the config file; prefer { env: NAME } so the file holds no secret`);
      return item;
    }
    const entry = readObject(item, path);
    knownKeys(entry, path, ["env"]);
    const name = readString(entry.env, [...path, "env"]);
    const token = env[name];
    if (token === undefined || token.trim() === "") throw new ServerConfigError([...path, "env"], `the environment variable ${name} is not set (or empty)`);
    return token;
  });
}

function readRegion(name: string, value: unknown): ResolvedRegion {
  const path: Path = ["regions", name];
  const region = value === null || value === undefined ? {} : readObject(value, path);
  knownKeys(region, path, ["docker", "publicHost", "bindHost", "readiness", "tls"]);
  const docker = readString(region.docker, [...path, "docker"], "unix:///var/run/docker.sock");
  const local = docker.startsWith("unix://");
  if (!local && !docker.startsWith("tcp://")) throw new ServerConfigError([...path, "docker"], `must start with unix:// or tcp://, got ${JSON.stringify(docker)}`);
  const remoteHost = local ? "127.0.0.1" : new URL(docker.replace(/^tcp:/, "http:")).hostname;
  const readiness = readString(region.readiness, [...path, "readiness"], local ? "socket" : "healthcheck");
  if (readiness !== "socket" && readiness !== "healthcheck" && readiness !== "started") {
    throw new ServerConfigError([...path, "readiness"], `must be "socket", "healthcheck" or "started", got ${JSON.stringify(readiness)}`);
  }
  if (readiness === "socket" && !local) throw new ServerConfigError([...path, "readiness"], '"socket" reads /proc on the Docker host itself: it needs a unix:// socket');
  let tls: ResolvedRegion["tls"];
  if (region.tls !== undefined) {
    const files = readObject(region.tls, [...path, "tls"]);
    knownKeys(files, [...path, "tls"], ["ca", "cert", "key"]);
    tls = { ca: readString(files.ca, [...path, "tls", "ca"]), cert: readString(files.cert, [...path, "tls", "cert"]), key: readString(files.key, [...path, "tls", "key"]) };
  }
  return {
    name,
    docker,
    publicHost: readString(region.publicHost, [...path, "publicHost"], remoteHost),
    bindHost: readString(region.bindHost, [...path, "bindHost"], "0.0.0.0"),
    readiness,
    tls,
  };
}

function readApp(appId: string, value: unknown, engine: string): ResolvedApp {
  const path: Path = ["apps", appId];
  const app = readObject(value, path);
  knownKeys(app, path, ["image", "containerPort", "transportType", "roomsPerProcess", "env"]);
  // The fake engine runs nothing, so it needs no image.
  const image = engine === "docker" || app.image !== undefined ? readString(app.image, [...path, "image"]) : "";
  const transportType = readString(app.transportType, [...path, "transportType"], "tcp");
  if (transportType !== "tcp" && transportType !== "udp" && transportType !== "tls") {
    throw new ServerConfigError([...path, "transportType"], `must be "tcp", "udp" or "tls", got ${JSON.stringify(transportType)}`);
  }
  const env = app.env === undefined ? {} : readObject(app.env, [...path, "env"]);
  for (const [name, setting] of Object.entries(env)) {
    if (typeof setting !== "string" && typeof setting !== "number" && typeof setting !== "boolean") throw new ServerConfigError([...path, "env", name], "must be a string, number or boolean");
    if (name.startsWith("HATHORA_")) throw new ServerConfigError([...path, "env", name], "HATHORA_* variables are set by the server for each process");
  }
  return {
    appId,
    image,
    containerPort: readNumber(app.containerPort, [...path, "containerPort"], { min: 1, max: 65535, integer: true }),
    transportType,
    roomsPerProcess: readNumber(app.roomsPerProcess, [...path, "roomsPerProcess"], { fallback: 1, min: 1, max: 10_000, integer: true }),
    env: Object.fromEntries(Object.entries(env).map(([name, setting]) => [name, String(setting)])),
  };
}
