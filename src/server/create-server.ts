// createProcessesServer: the route layer the fake uses (src/service), over the Docker engine or
// the in-memory one, served on node:http. The Docker engine (and so dockerode) is loaded only
// when the configuration asks for it.
import { randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { OperationId } from "../index.js";
import { createFakeEngine } from "../engines/fake/fake-engine.js";
import { createService } from "../service/answer.js";
import type { ProcessEngine } from "../service/engine.js";
import { toFetchRequest, writeResponse } from "../service/node-http.js";
import { resolveConfig, type ResolvedConfig, type ServerConfig } from "./config.js";

/** A running server. */
export interface ProcessesServer {
  /** `http://host:port` (no trailing slash): a client's base URL. */
  url: string;
  /** Stops listening and closes the engine's connections; never stops a process. */
  close(): Promise<void>;
}

/** Options of `createProcessesServer` besides the configuration. */
export interface ProcessesServerOptions {
  /** Where `{ env: NAME }` tokens are read. @default process.env */
  env?: Record<string, string | undefined> | undefined;
  /** Receives the server's log lines (warnings, engine failures, one line per request when `logRequests`). @default a line on stderr */
  log?: ((line: string) => void) | undefined;
}

/** How long the `fake` engine's processes take to boot and to stop, in wall milliseconds. */
const FAKE_BOOT_MS = 2_000;
const FAKE_STOP_MS = 1_000;

async function engineFor(config: ResolvedConfig, log: (line: string) => void): Promise<ProcessEngine> {
  if (config.engine === "fake") {
    const host = config.regions[0]?.publicHost;
    const apps = config.apps.map(({ appId, transportType, roomsPerProcess }) => ({ appId, host, transportType, roomsPerProcess }));
    return createFakeEngine({ apps, bootMs: FAKE_BOOT_MS, stopMs: FAKE_STOP_MS, random: Math.random, seed: Date.now(), now: Date.now });
  }
  const { createDockerEngine } = await import("../engines/docker/docker-engine.js");
  return createDockerEngine(config, log);
}

/**
 * Serves the Hathora Processes API (v2 and v3, as openapi.yaml states it) on the configured host
 * and port, with each process a Docker container (`engine: docker`) or an in-memory one (`fake`).
 * Throws `ServerConfigError` naming the key of a bad configuration, before anything listens.
 */
export async function createProcessesServer(config: ServerConfig, options: ProcessesServerOptions = {}): Promise<ProcessesServer> {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const resolved = resolveConfig(config, options.env ?? process.env);
  for (const warning of resolved.warnings) log(`warning: ${warning}`);
  const engine = await engineFor(resolved, log);
  const service = createService({
    engine,
    tokens: resolved.tokens,
    apps: resolved.apps.map((app) => app.appId),
    regions: resolved.regions.map((region) => region.name),
    regionsOwner: "this server",
    requestId: randomUUID,
    now: Date.now,
    onEngineError: (error: unknown, operationId: OperationId) => log(`${operationId} failed: ${error instanceof Error ? error.message : String(error)}`),
  });

  const server: Server = createServer((incoming, outgoing) => {
    const started = performance.now();
    const request = toFetchRequest(incoming, outgoing);
    const url = new URL(request.url);
    service
      .answer({ method: request.method, url, authorization: request.headers.get("authorization") })
      .then(async (answer) => {
        const body = answer.status === 204 || answer.body === undefined ? null : JSON.stringify(answer.body);
        const headers = body === null ? answer.headers : { "content-type": "application/json", ...answer.headers };
        await writeResponse(outgoing, new Response(body, { status: answer.status, headers }));
        if (resolved.logRequests) log(`${answer.headers["x-request-id"]} ${request.method} ${url.pathname} ${answer.status} ${(performance.now() - started).toFixed(1)} ms`);
      })
      .catch((error: unknown) => {
        log(`request failed: ${error instanceof Error ? error.message : String(error)}`);
        outgoing.destroy();
      });
  });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(resolved.port, resolved.host, () => resolve());
    });
  } catch (error) {
    await engine.close();
    if ((error as { code?: unknown }).code === "EADDRINUSE") throw new Error(`${resolved.host}:${resolved.port} is in use: set listen.port (or --port) to another port`, { cause: error });
    throw error;
  }
  const address = server.address();
  const port = typeof address === "object" && address !== null ? address.port : resolved.port;
  const host = resolved.host.includes(":") ? `[${resolved.host}]` : resolved.host;
  let closed: Promise<void> | undefined;
  return {
    url: `http://${host}:${port}`,
    close: () =>
      (closed ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }).then(() => engine.close())),
  };
}
