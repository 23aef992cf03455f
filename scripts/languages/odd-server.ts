// Case (c) of `npm run test:languages`: a local server that answers every operation the
// programs call with values the spec does not list (a new region, status, hosting and transport
// type, extra properties on the process and on the port), and records each request so the
// harness can check what the generated clients really sent (start/end digit for digit,
// repeated filter keys). GetProcess of `missingProcessId` answers 404, as Prism does when
// asked with `Prefer: code=404`. The programs beside this file hard-code the same values;
// change both sides together.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export const ODD = {
  region: "Atlantis",
  status: "hibernating",
  hosting: "orbital",
  transportType: "quic",
  appId: "app-af469a92-5b45-4565-b3c4-b79878de67d2",
  processId: "cbfcddd2-0006-43ae-996c-995fff7bed2e",
  count: 7,
  metricTimestamp: 1732320061,
  memoryValue: 187695104,
  v2DeploymentId: 42,
  /** GetProcess of this id answers 404 with an ApiError body. */
  missingProcessId: "no-such-process",
} as const;

export interface RecordedRequest {
  method: string;
  /** Path without the query string, as received (still percent-encoded). */
  path: string;
  /** The raw query string after `?`, as received, or "" when there was none. */
  query: string;
  /** Whether the Authorization header was `Bearer <the token the harness gave the program>`. */
  authorized: boolean;
}

export interface OddServer {
  url: string;
  /** Requests received since the last `takeRequests()`, oldest first. */
  takeRequests(): RecordedRequest[];
  stop(): Promise<void>;
}

function port(name: string, extra: boolean) {
  return {
    transportType: ODD.transportType,
    port: 7777,
    host: "odd.proxy.example.test",
    name,
    ...(extra ? { latencyMs: 12, tags: ["beta"] } : {}),
  };
}

function processV3(region: string, exposed: boolean) {
  return {
    status: ODD.status,
    roomsAllocated: 2,
    terminatedAt: null,
    stoppingAt: null,
    startedAt: "2024-11-23T00:01:01.000Z",
    createdAt: "2024-11-23T00:00:00.000Z",
    bootedAt: null,
    scheduledAt: null,
    roomsPerProcess: 4,
    additionalExposedPorts: [port("debug", true)],
    exposedPort: exposed ? port("default", true) : null,
    region,
    processId: ODD.processId,
    deploymentId: "dep-odd",
    appId: ODD.appId,
    hosting: ODD.hosting,
    fleetId: "fleet-odd",
    // Properties the spec does not declare: a client must ignore them, not fail.
    gpuModel: "hypothetical-9000",
    labels: { tier: "gold" },
  };
}

function processV2() {
  const { bootedAt: _b, scheduledAt: _s, hosting: _h, fleetId: _f, ...v3 } = processV3(ODD.region, true);
  return { ...v3, deploymentId: ODD.v2DeploymentId };
}

const appPrefix = `/processes/v3/apps/${ODD.appId}/processes`;
const routes: Array<[method: string, path: RegExp, answer: (match: RegExpExecArray) => [number, unknown]]> = [
  ["GET", new RegExp(`^${appPrefix}/latest$`), () => [200, [processV3(ODD.region, true), processV3("Seattle", false)]]],
  ["GET", new RegExp(`^${appPrefix}/count$`), () => [200, { count: ODD.count }]],
  ["POST", new RegExp(`^${appPrefix}/regions/([^/]+)$`), (m) => [201, processV3(decodeURIComponent(m[1] ?? ""), false)]],
  [
    "GET",
    new RegExp(`^${appPrefix}/process/[^/]+/metrics$`),
    () => [
      200,
      {
        cpu: [{ value: 0.5, timestamp: ODD.metricTimestamp }],
        memory: [{ value: ODD.memoryValue, timestamp: ODD.metricTimestamp }],
        diskIops: [{ value: 3, timestamp: ODD.metricTimestamp }],
      },
    ],
  ],
  ["POST", new RegExp(`^${appPrefix}/[^/]+/stop$`), () => [204, undefined]],
  ["GET", new RegExp(`^${appPrefix}/${ODD.missingProcessId}$`), () => [404, { message: "Process not found" }]],
  ["GET", new RegExp(`^${appPrefix}/[^/]+$`), () => [200, processV3(ODD.region, true)]],
  ["GET", new RegExp(`^/processes/v2/${ODD.appId}/info/[^/]+$`), () => [200, processV2()]],
];

export async function startOddServer(token: string): Promise<OddServer> {
  let requests: RecordedRequest[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const [path = "", query = ""] = (req.url ?? "").split("?", 2);
    const method = req.method ?? "";
    requests.push({ method, path, query, authorized: req.headers.authorization === `Bearer ${token}` });
    req.resume();
    for (const [routeMethod, pattern, answer] of routes) {
      const match = pattern.exec(path);
      if (routeMethod !== method || !match) continue;
      const [status, body] = answer(match);
      if (body === undefined) return res.writeHead(status).end();
      return res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
    }
    res.writeHead(404, { "content-type": "application/json" }).end(JSON.stringify({ message: `no route for ${method} ${path}` }));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port: listening } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${listening}`,
    takeRequests: () => {
      const taken = requests;
      requests = [];
      return taken;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
