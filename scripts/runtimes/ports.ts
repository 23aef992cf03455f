// Loopback ports: a free one to hand to a server we start (the one scripts/prism.ts uses), and
// waiting until it listens.
import { connect } from "node:net";
import type { Started } from "./children.js";

export { freePort } from "../prism.js";

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
