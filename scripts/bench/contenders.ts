// The five clients under test, each doing the same three calls against the same server.
import { tracingChannel } from "node:diagnostics_channel";
import { HathoraCloud } from "@hathora/cloud-sdk-typescript";
import createClient from "openapi-fetch";
import type { paths } from "../../src/generated/schema.js";
import { createHathoraClient, OPERATION_CHANNEL, type Logger } from "../../src/index.js";

export interface Contender {
  name: string;
  getProcess(processId: string): Promise<unknown>;
  getLatestProcesses(): Promise<unknown>;
  createProcess(): Promise<unknown>;
  /** Called before each of its batches, outside the timing (to subscribe a trace listener). */
  setUp?(): void;
  /** Called after each of its batches, outside the timing. */
  tearDown?(): void;
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

  // Every observer on: an info line per attempt into a logger that drops it, an onAttempt hook,
  // and a subscriber on the operation TracingChannel. The subscriber is global (it would see
  // every client), so it is subscribed around this contender's batches only.
  const drop = () => {};
  const dropping: Logger = { error: drop, warn: drop, info: drop, debug: drop };
  let seen = 0;
  const observedClient = createHathoraClient({ token: TOKEN, appId: APP, baseUrl, logger: dropping, logLevel: "info", onAttempt: () => void seen++ });
  const channel = tracingChannel(OPERATION_CHANNEL);
  const subscriber = { start: drop, end: drop, asyncStart: drop, asyncEnd: drop, error: drop };
  const observed: Contender = {
    name: "hathora-processes, all observers",
    getProcess: (id) => observedClient.processesV3.getProcess({ processId: id }),
    getLatestProcesses: () => observedClient.processesV3.getLatestProcesses(),
    createProcess: () => observedClient.processesV3.createProcess({ region: "Tokyo" }),
    setUp: () => channel.subscribe(subscriber),
    tearDown: () => channel.unsubscribe(subscriber),
  };

  // Hathora's own SDK with its defaults (no retries, no time limit; zod validates responses).
  const sdk = new HathoraCloud({ hathoraDevToken: TOKEN, appId: APP, serverURL: baseUrl });
  const official: Contender = {
    name: "official SDK",
    getProcess: (id) => sdk.processesV3.getProcess(id),
    getLatestProcesses: () => sdk.processesV3.getLatestProcesses(),
    createProcess: () => sdk.processesV3.createProcess("Tokyo"),
  };

  return [raw, bare, ours, observed, official];
}
