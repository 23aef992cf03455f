#!/usr/bin/env node
// hathora-processes-server: serves the Processes API from a configuration file, or, with no
// --config, the in-memory fake engine on 127.0.0.1:7890 with one app and a token printed once.
// Exit codes: 0 after SIGINT/SIGTERM, 2 for a usage or configuration error, 1 for anything else.
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { ServerConfigError } from "./config-error.js";
import { knownValues } from "../index.js";
import type { ServerConfig } from "./config.js";
import { createProcessesServer } from "./create-server.js";
import { loadConfigFile } from "./load-config.js";
import { MissingDependencyError } from "./optional-import.js";

const USAGE = `usage: hathora-processes-server [--config FILE] [--port N]
  --config FILE   YAML or JSON (see docs/self-hosted-server.md); without it: the fake engine, no Docker
  --port N        listen on this port instead of the configuration's (0: any free port)`;

/** The app of the no-config fake: one id, shaped like Hathora's. */
const LOCAL_APP_ID = "app-00000000-0000-4000-8000-000000000001";

/** The no-config server: the fake engine, every region of the spec, one app; the token is read from `TOKEN_VARIABLE`. */
function fakeConfig(): ServerConfig {
  const regions = Object.fromEntries(knownValues.Region.map((region) => [region, {}]));
  return { engine: "fake", tokens: [{ env: TOKEN_VARIABLE }], regions, apps: { [LOCAL_APP_ID]: { containerPort: 7777 } } };
}
const TOKEN_VARIABLE = "HATHORA_SERVER_TOKEN";

async function main(): Promise<number> {
  let flags: { config?: string | undefined; port?: string | undefined; help?: boolean | undefined };
  try {
    flags = parseArgs({ options: { config: { type: "string" }, port: { type: "string" }, help: { type: "boolean", short: "h" } } }).values;
  } catch (error) {
    process.stderr.write(`hathora-processes-server: ${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (flags.help === true) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const port = flags.port === undefined ? undefined : Number(flags.port);
  if (port !== undefined && !(Number.isInteger(port) && port >= 0 && port <= 65535)) {
    process.stderr.write(`hathora-processes-server: --port must be a whole number from 0 to 65535, got ${flags.port}\n`);
    return 2;
  }
  const token = flags.config === undefined ? randomBytes(24).toString("base64url") : undefined;
  const config = token === undefined ? ((await loadConfigFile(flags.config ?? "")) as ServerConfig) : fakeConfig();
  if (port !== undefined && typeof config === "object" && config !== null) config.listen = { ...config.listen, port };
  const server = await createProcessesServer(config, { env: token === undefined ? process.env : { [TOKEN_VARIABLE]: token } });
  if (token !== undefined) {
    process.stdout.write(
      `hathora-processes-server: the fake engine (in memory, no Docker) at ${server.url}\n` +
        `  appId: ${LOCAL_APP_ID}\n  token: ${token}   (printed once; a new one each start)\n` +
        `  try:   curl -s -X POST -H "Authorization: Bearer ${token}" ${server.url}/processes/v3/apps/${LOCAL_APP_ID}/processes/regions/Seattle\n` +
        `  Ctrl-C stops it. With --config FILE it runs each process as a Docker container.\n`,
    );
  } else {
    process.stdout.write(`hathora-processes-server: listening at ${server.url} (${config.engine ?? "docker"} engine, regions ${Object.keys(config.regions).join(", ")})\n`);
  }
  await new Promise<void>((resolve) => {
    for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => resolve());
  });
  // Closing stops listening and the engine's loop; running processes are left as they are.
  await server.close();
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    const known = error instanceof ServerConfigError || error instanceof MissingDependencyError;
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`${message.startsWith("hathora-processes-server:") ? "" : "hathora-processes-server: "}${message}\n`);
    process.exit(known ? 2 : 1);
  },
);
