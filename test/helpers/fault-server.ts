// A small local HTTP server for failure paths. Each test registers its own route, a handler
// that may answer, stall, reset or misbehave; the route's base URL goes to the client, and the
// server counts and records what arrives on it.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll } from "vitest";

export type Handler = (req: IncomingMessage, res: ServerResponse, hit: number) => void;

export interface SeenRequest {
  method: string;
  url: string;
  headers: IncomingMessage["headers"];
}

export interface FaultServer {
  origin: string;
  /** Registers a handler and returns its base URL, for `createHathoraClient({ baseUrl })`. */
  route(handler: Handler): string;
  /** What arrived on a route, in order. */
  seen(baseUrl: string): SeenRequest[];
  close(): Promise<void>;
}

export async function startFaultServer(): Promise<FaultServer> {
  const routes = new Map<string, { handler: Handler; seen: SeenRequest[] }>();
  const server: Server = createServer((req, res) => {
    const name = req.url?.split("/")[1] ?? "";
    const route = routes.get(name);
    if (!route) {
      res.writeHead(599).end("no such route");
      return;
    }
    route.seen.push({ method: req.method ?? "", url: req.url ?? "", headers: req.headers });
    route.handler(req, res, route.seen.length);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  let next = 0;
  return {
    origin,
    route(handler) {
      const name = `r${++next}`;
      routes.set(name, { handler, seen: [] });
      return `${origin}/${name}`;
    },
    seen(baseUrl) {
      return routes.get(baseUrl.slice(origin.length + 1))?.seen ?? [];
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The fault server of one test file: started before its tests, closed after them. */
export function useFaultServer(): FaultServer {
  let server: FaultServer | undefined;
  beforeAll(async () => {
    server = await startFaultServer();
  });
  afterAll(() => server?.close());
  const started = (): FaultServer => {
    if (!server) throw new Error("The fault server starts in beforeAll; use it inside a test");
    return server;
  };
  return {
    get origin() {
      return started().origin;
    },
    route: (handler) => started().route(handler),
    seen: (baseUrl) => started().seen(baseUrl),
    close: () => started().close(),
  };
}

/** Answers with a JSON body. */
export function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text), ...headers }).end(text);
}

/** A port on loopback that nothing listens on: connecting to it is refused. */
export async function refusedBaseUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}
