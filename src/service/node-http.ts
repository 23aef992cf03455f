// The route layer over node:http, shared by the fake's `listen` and the self-hosted server: a
// Node request becomes a fetch `Request` (aborted when the client goes away), and an answer is
// written back whole. Type imports only: callers load node:http themselves (the fake does so on
// demand, so that it still bundles where there is none).
import type { IncomingMessage, ServerResponse } from "node:http";

/** The request as a fetch `Request`, with a signal that aborts when the client closes the connection. */
export function toFetchRequest(incoming: IncomingMessage, outgoing: ServerResponse): Request {
  const aborted = new AbortController();
  outgoing.on("close", () => {
    if (!outgoing.writableFinished) aborted.abort(new Error("the client closed the connection"));
  });
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming.headers)) {
    for (const item of Array.isArray(value) ? value : value === undefined ? [] : [value]) headers.append(name, item);
  }
  // No operation has a request body: whatever was sent is read and dropped.
  incoming.resume();
  return new Request(`http://127.0.0.1${incoming.url ?? "/"}`, { method: incoming.method ?? "GET", headers, signal: aborted.signal });
}

/** Writes a whole answer. */
export async function writeResponse(outgoing: ServerResponse, response: Response): Promise<void> {
  const body = Buffer.from(await response.arrayBuffer());
  outgoing.writeHead(response.status, Object.fromEntries(response.headers));
  outgoing.end(body);
}

/**
 * Ends the connection with a TCP reset and no answer: the client sees ECONNRESET. Where the
 * runtime has no `resetAndDestroy` (before Node 18.3; some Bun and Deno versions) it is closed
 * plainly, which undici reports as "other side closed".
 */
export function resetConnection(outgoing: ServerResponse): void {
  const socket = outgoing.socket as (ServerResponse["socket"] & { resetAndDestroy?: () => void }) | null;
  if (socket !== null && typeof socket.resetAndDestroy === "function") socket.resetAndDestroy();
  else outgoing.destroy();
}
