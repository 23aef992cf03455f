// Loopback ports: a free one to hand to a server we start, and waiting until it listens.
import { connect, createServer } from "node:net";
import type { Started } from "./children.js";

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

/** Resolves once 127.0.0.1:port accepts connections; rejects if the process exits first. */
export async function waitForPort(port: number, owner: Started, timeoutMs: number): Promise<void> {
  let exited = false;
  void owner.exited.then(() => (exited = true));
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exited) throw new Error(`it exited before listening on ${port}:\n${owner.output().slice(-3000)}`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, "127.0.0.1");
      socket.once("connect", () => (socket.destroy(), resolve(true)));
      socket.once("error", () => resolve(false));
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`nothing listened on ${port} within ${timeoutMs} ms:\n${owner.output().slice(-3000)}`);
}
