// The four clients under test, each doing the same three calls against the same server.
import { HathoraCloud } from "@hathora/cloud-sdk-typescript";
import createClient from "openapi-fetch";
import type { paths } from "../../src/generated/schema.js";
import { createHathoraClient, type Logger } from "../../src/index.js";

export interface Contender {
  name: string;
  getProcess(processId: string): Promise<unknown>;
  getLatestProcesses(): Promise<unknown>;
  createProcess(): Promise<unknown>;
}

const APP = "app-af469a92-5b45-4565-b3c4-b79878de67d2";
const TOKEN = "bench-token";

export function contenders(baseUrl: string): Contender[] {
  // The floor: a hand-built URL and headers, a status check and JSON parsing, nothing else.
  const headers = { Authorization: `Bearer ${TOKEN}` };
  const json = async (response: Response) => {
    if (!response.ok) throw new Error(`status ${response.status}`);
    return response.json();
  };
  const raw: Contender = {
    name: "raw fetch",
    getProcess: (id) => fetch(`${baseUrl}/processes/v3/apps/${APP}/processes/${encodeURIComponent(id)}`, { headers }).then(json),
    getLatestProcesses: () => fetch(`${baseUrl}/processes/v3/apps/${APP}/processes/latest`, { headers }).then(json),
    createProcess: () => fetch(`${baseUrl}/processes/v3/apps/${APP}/processes/regions/Tokyo`, { method: "POST", headers }).then(json),
  };

  const client = createClient<paths>({ baseUrl, headers });
  const data = <T>(result: { data?: T; error?: unknown }) => {
    if (result.error !== undefined || result.data === undefined) throw new Error("error response");
    return result.data;
  };
  const bare: Contender = {
    name: "openapi-fetch",
    getProcess: (id) => client.GET("/processes/v3/apps/{appId}/processes/{processId}", { params: { path: { appId: APP, processId: id } } }).then(data),
    getLatestProcesses: () => client.GET("/processes/v3/apps/{appId}/processes/latest", { params: { path: { appId: APP } } }).then(data),
    createProcess: () => client.POST("/processes/v3/apps/{appId}/processes/regions/{region}", { params: { path: { appId: APP, region: "Tokyo" } } }).then(data),
  };

  // Defaults on: 2 retries, a 30 s time limit per attempt, argument checks.
  const hathora = createHathoraClient({ token: TOKEN, appId: APP, baseUrl });
  const ours: Contender = {
    name: "hathora-processes",
    getProcess: (id) => hathora.processesV3.getProcess({ processId: id }),
    getLatestProcesses: () => hathora.processesV3.getLatestProcesses(),
    createProcess: () => hathora.processesV3.createProcess({ region: "Tokyo" }),
  };

  // Hathora's own SDK with its defaults (no retries, no time limit; zod validates responses).
  const sdk = new HathoraCloud({ hathoraDevToken: TOKEN, appId: APP, serverURL: baseUrl });
  const official: Contender = {
    name: "official SDK",
    getProcess: (id) => sdk.processesV3.getProcess(id),
    getLatestProcesses: () => sdk.processesV3.getLatestProcesses(),
    createProcess: () => sdk.processesV3.createProcess("Tokyo"),
  };

  return [raw, bare, ours, official];
}

/**
 * This client with every observer on: an info line per attempt into a logger that drops it and
 * an onAttempt hook (the TracingChannel subscriber is run.ts's, subscribed around the whole
 * measurement: it sees every client in the process, so it is not on while the others run).
 */
export function observedContender(baseUrl: string): Contender {
  const drop = () => {};
  const logger: Logger = { error: drop, warn: drop, info: drop, debug: drop };
  const hathora = createHathoraClient({ token: TOKEN, appId: APP, baseUrl, logger, logLevel: "info", onAttempt: drop });
  return {
    name: "hathora-processes, all observers",
    getProcess: (id) => hathora.processesV3.getProcess({ processId: id }),
    getLatestProcesses: () => hathora.processesV3.getLatestProcesses(),
    createProcess: () => hathora.processesV3.createProcess({ region: "Tokyo" }),
  };
}
