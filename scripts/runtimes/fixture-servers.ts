// The small local servers of the scenario, on two origins (two loopback ports): a stall for the
// time limit and the abort, a 503 then 200, a same-origin redirect, and a cross-origin one
// whose target records whether an Authorization header arrived. Each runtime's run has its own
// path prefix, `/<runId>/<kind>/...`, so the servers count attempts per run and per step.
// Every response carries CORS headers, and preflights are answered, so a page on a third
// origin (the browser run) can call them as an admin tool would call Hathora.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface Seen {
  method: string;
  /** Whether an Authorization header arrived (its value is never stored). */
  authorization: boolean;
}

export interface FixtureServers {
  /** The origin the scenario's clients point at. */
  origin: string;
  /** The other origin, target of the cross-origin redirect. */
  otherOrigin: string;
  /** Requests (preflights excluded) that reached `<origin or otherOrigin>/<runId>/<kind>/`. */
  seen(runId: string, kind: string): Seen[];
  close(): Promise<void>;
}

const CORS = {
  "access-control-allow-origin": "*",
  "access-control-expose-headers": "*",
};
// Preflights: Authorization is never covered by a "*" wildcard, so it is named, with Prefer
// (Prism's forced responses) and whatever else the client asks for.
const PREFLIGHT_HEADERS = "authorization, prefer, content-type, user-agent";

export async function startFixtureServers(): Promise<FixtureServers> {
  const seen = new Map<string, Seen[]>();
  const record = (key: string, req: IncomingMessage) => {
    const list = seen.get(key) ?? [];
    list.push({ method: req.method ?? "", authorization: req.headers.authorization !== undefined });
    seen.set(key, list);
    return list.length;
  };

  let otherOrigin = "";
  const handle = (req: IncomingMessage, res: ServerResponse) => {
    if (req.method === "OPTIONS") {
      const asked = req.headers["access-control-request-headers"];
      res.writeHead(204, {
        ...CORS,
        "access-control-allow-methods": "GET, POST",
        "access-control-allow-headers": asked ? `${PREFLIGHT_HEADERS}, ${asked}` : PREFLIGHT_HEADERS,
        "access-control-max-age": "600",
      }).end();
      return;
    }
    const [, runId = "", kind = "", ...rest] = new URL(req.url ?? "/", "http://x").pathname.split("/");
    const hit = record(`${runId}/${kind}`, req);
    const processId = rest.at(-1) ?? "";
    switch (kind) {
      case "stall":
      case "abort":
        return; // never answers; close() ends the connection
      case "flaky":
        return hit === 1 ? json(res, 503, { message: "try again" }) : json(res, 200, processV3(processId));
      case "redirect-same":
        return redirect(res, `/${runId}/final-same/${rest.join("/")}`);
      case "redirect-cross":
        return redirect(res, `${otherOrigin}/${runId}/final-cross/${rest.join("/")}`);
      case "final-same":
      case "final-cross":
        return json(res, 200, processV3(processId));
      default:
        return json(res, 599, { message: `no fixture ${kind}` });
    }
  };

  const servers = [createServer(handle), createServer(handle)];
  const [origin = "", other = ""] = await Promise.all(servers.map(listen));
  otherOrigin = other;
  return {
    origin,
    otherOrigin,
    seen: (runId, kind) => seen.get(`${runId}/${kind}`) ?? [],
    close: async () => {
      await Promise.all(
        servers.map(
          (server) =>
            new Promise<void>((resolve) => {
              server.closeAllConnections();
              server.close(() => resolve());
            }),
        ),
      );
    },
  };
}

function listen(server: Server): Promise<string> {
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)));
}

function json(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { ...CORS, "content-type": "application/json", "content-length": Buffer.byteLength(text) }).end(text);
}

function redirect(res: ServerResponse, location: string): void {
  res.writeHead(307, { ...CORS, location, "content-length": "0" }).end();
}

/** A ProcessV3 as Hathora returns it, with the id that was asked for. */
function processV3(processId: string): Record<string, unknown> {
  return {
    processId,
    appId: "app-af469a92-5b45-4565-b3c4-b79878de67d2",
    deploymentId: 1,
    buildTag: null,
    region: "Frankfurt",
    status: "running",
    createdAt: "2026-01-01T00:00:00.000Z",
    startingAt: "2026-01-01T00:00:01.000Z",
    startedAt: "2026-01-01T00:00:02.000Z",
    stoppingAt: null,
    terminatedAt: null,
    roomsPerProcess: 1,
    exposedPort: { transportType: "tcp", port: 7777, host: "1.proxy.hathora.dev", name: "default" },
    additionalExposedPorts: [],
    summaryExitReason: null,
  };
}
