// The fake over real HTTP, for clients in other processes and languages. node:http is imported
// here, on demand, so the in-process fake bundles and runs where there is no node:http (workerd,
// browsers); Node, Bun and Deno provide it. While a server listens, the fake's clock follows
// wall time (a client in another process sleeps on real timers), so bootMs is real milliseconds.
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import { resetConnection, toFetchRequest, writeResponse } from "../service/node-http.js";
import { exchange, type ExchangeContext } from "./exchange.js";

/** Where `listen` serves: the host is always 127.0.0.1. @default port 0 (any free port) */
export interface ListenOptions {
  port?: number | undefined;
}

/** A listening fake: its base URL (no trailing slash) and how to stop it. */
export interface FakeServer {
  /** `http://127.0.0.1:<port>`: pass it as a client's base URL. */
  url: string;
  port: number;
  /** Stops listening and drops open connections; the clock goes back to virtual time when the last server closes. */
  close(): Promise<void>;
}

/** Serves the fake on 127.0.0.1; rejects with a clear error where node:http does not exist. */
export async function listen(fake: ExchangeContext, options: ListenOptions, onOpen: () => void, onClose: () => void): Promise<FakeServer> {
  let http: typeof import("node:http");
  try {
    // A specifier in a variable: bundlers for workerd and browsers leave the import alone.
    const specifier = "node:http";
    http = (await import(/* @vite-ignore */ specifier)) as typeof import("node:http");
  } catch (error) {
    throw new Error("fake.listen needs node:http (Node, Bun or Deno); on this runtime use the in-process fake (fake.clientOptions / fake.fetch)", { cause: error });
  }
  const server: Server = http.createServer((incoming, outgoing) => void serve(fake, incoming, outgoing));
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => resolve());
  });
  onOpen();
  const address = server.address();
  const port = typeof address === "object" && address !== null ? address.port : 0;
  let closed: Promise<void> | undefined;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    close: () =>
      (closed ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections?.();
      }).finally(onClose)),
  };
}

async function serve(fake: ExchangeContext, incoming: IncomingMessage, outgoing: ServerResponse): Promise<void> {
  const request = toFetchRequest(incoming, outgoing);
  try {
    fake.driver.busyStart();
    const outcome = await exchange(fake, request).finally(() => fake.driver.busyEnd());
    if (outcome.kind === "answer") return await writeResponse(outgoing, outcome.response);
    // Over a socket the request has arrived before the fake can know which operation it is
    // for, so a refusal aimed at an operation cannot be a refused connection: it is a reset
    // before any answer (ECONNRESET; the fake did nothing), which a client must treat as
    // "may have arrived": it retries a GET, not a create. In process it is a true refusal.
    // A lost response closes the connection after the fake acted.
    if (outcome.kind === "refused") resetConnection(outgoing);
    else outgoing.destroy();
  } catch {
    outgoing.destroy();
  }
}
