// Starts a real Prism mock server from openapi.yaml on a free loopback port. Used by the
// test setup, `npm start`, and the consumer test; nobody starts Prism by hand.
import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../", import.meta.url));
const prismBin = fileURLToPath(new URL("../node_modules/@stoplight/prism-cli/dist/index.js", import.meta.url));
const READY = /Prism is listening on (http:\/\/\S+)/;
const children = new Set<ChildProcess>();

// A Prism left behind would keep CI's port busy and the job alive; kill it whatever happens.
process.once("exit", () => {
  for (const child of children) child.kill("SIGKILL");
});

export interface PrismServer {
  /** Base URL, such as http://127.0.0.1:40123 */
  url: string;
  stop(): Promise<void>;
}

export interface PrismOptions {
  /** Path of the spec. @default openapi.yaml at the repository root */
  spec?: string;
  /** `-d`: random data generated from the schemas instead of the examples. @default false */
  dynamic?: boolean;
  /** @default 30000 */
  readyTimeoutMs?: number;
}

export async function startPrism(options: PrismOptions = {}): Promise<PrismServer> {
  // The free port is found first and handed to Prism, so another process may take it in
  // between; a second try makes that race harmless.
  for (let tries = 1; ; tries++) {
    try {
      return await startOnce(await freePort(), options);
    } catch (error) {
      if (tries >= 3) throw error;
    }
  }
}

async function startOnce(port: number, options: PrismOptions): Promise<PrismServer> {
  const spec = options.spec ?? `${root}openapi.yaml`;
  const args = [prismBin, "mock", spec, "--host", "127.0.0.1", "--port", String(port), ...(options.dynamic ? ["-d"] : [])];
  const child = spawn(process.execPath, args, { cwd: root, stdio: ["ignore", "pipe", "pipe"] });
  children.add(child);
  let log = "";
  const remember = (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-4000);
  };
  child.stdout.on("data", remember);
  child.stderr.on("data", remember);

  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => fail(`Prism was not ready within ${options.readyTimeoutMs ?? 30_000} ms`), options.readyTimeoutMs ?? 30_000);
    const fail = (why: string) => {
      clearTimeout(timer);
      child.kill("SIGKILL");
      reject(new Error(`${why}. Its output:\n${log}`));
    };
    child.stdout.on("data", () => {
      const match = READY.exec(log);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once("exit", (code) => fail(`Prism exited with code ${code} before it was ready`));
    child.once("error", (error) => fail(`Prism could not start: ${error.message}`));
  });

  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        const force = setTimeout(() => child.kill("SIGKILL"), 5000);
        child.once("exit", () => {
          clearTimeout(force);
          children.delete(child);
          resolve();
        });
        child.kill("SIGTERM");
      }),
  };
}

/** A loopback port that nothing listens on now (another process may take it before it is used). */
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
