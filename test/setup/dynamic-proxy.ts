// Prism's random-data mode without a second Prism: a proxy in front of the one Prism of the run
// that adds `Prefer: dynamic=true` to every request (Prism's per-request form of `-d`), keeping
// any preference the request had (`code=404`, say). Starting a second Prism costs a few seconds of
// CPU of every `npm test`; this costs none.
import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/** A listening proxy: its URL, and how to stop it. */
export interface DynamicProxy {
  url: string;
  close(): Promise<void>;
}

/** Starts the proxy on a free loopback port, forwarding to `target` (an http:// URL). */
export async function startDynamicProxy(target: string): Promise<DynamicProxy> {
  const upstream = new URL(target);
  const server: Server = createServer((incoming, outgoing) => {
    const prefer = ["dynamic=true", incoming.headers.prefer].filter(Boolean).join(", ");
    const forwarded = request(
      { host: upstream.hostname, port: upstream.port, method: incoming.method, path: incoming.url, headers: { ...incoming.headers, host: upstream.host, prefer } },
      (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
      },
    );
    forwarded.on("error", () => outgoing.destroy());
    incoming.pipe(forwarded);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections(); // keep-alive sockets of the clients would hold close() open
      }),
  };
}
