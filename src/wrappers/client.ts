// createHathoraClient: checks and resolves the options once, then wires the layers of one
// request (methods -> run-operation -> attempt -> transport -> fetch).
import { createQuerySerializer } from "openapi-fetch";
import { resolveClientOptions, type HathoraClientOptions } from "./options/client-options.js";
import { createLog } from "./observe/log.js";
import { createAttemptObserver } from "./observe/observe.js";
import { createProcessesV2, type ProcessesV2 } from "./methods/processes-v2.js";
import { createProcessesV3, type ProcessesV3 } from "./methods/processes-v3.js";
import { createOperationRunner } from "./request/run-operation.js";
import { createTraffic } from "./request/traffic.js";
import { createTransport } from "./request/transport.js";

/** A client of the Processes API: `createHathoraClient(options)`. */
export interface HathoraClient {
  /** Version 2 of the Processes API, deprecated by Hathora. */
  processesV2: ProcessesV2;
  /** Version 3 of the Processes API. */
  processesV3: ProcessesV3;
}

/** Creates a client. Throws ConfigError for bad options, a missing token among them. */
export function createHathoraClient(options: HathoraClientOptions): HathoraClient {
  const { baseUrl, headers, fetch, token, appId, settings, clock, onAttempt, logger, logLevel, traffic } = resolveClientOptions(options);
  const log = createLog(logger, logLevel);
  const observe = createAttemptObserver({ onAttempt, log });
  const run = createOperationRunner({
    baseUrl,
    headers,
    querySerializer: createQuerySerializer(),
    transport: createTransport(fetch),
    copyFetchErrors: fetch !== undefined,
    clock,
    token,
    appId,
    settings,
    observe,
    server: serverOf(baseUrl),
    traffic: createTraffic(traffic, clock),
  });
  const waits = { clock, info: log.info };
  return { processesV2: createProcessesV2(run, waits), processesV3: createProcessesV3(run, waits) };
}

/** The host and port that `baseUrl` names, as traces and logs report them. */
function serverOf(baseUrl: string): { address: string; port: number } {
  const url = new URL(baseUrl);
  return { address: url.hostname, port: url.port ? Number(url.port) : url.protocol === "https:" ? 443 : 80 };
}
