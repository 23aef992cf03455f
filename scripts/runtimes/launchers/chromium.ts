// Headless Chromium: a page on its own origin (as an admin tool would be) loads the bundled
// scenario, which calls the servers cross-origin and POSTs its outcomes back to the page's
// server. Chromium runs in its own process group, stopped with all its helpers.
import { readFileSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { start } from "../children.js";
import { parseOutcomes, type Launcher } from "./launcher.js";

const FLAGS = [
  "--headless",
  "--no-sandbox", // runs as root on CI machines
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-dev-shm-usage",
];

export function chromiumLauncher(binary: string): Launcher {
  return async ({ config, project, work, timeoutMs }) => {
    const script = readFileSync(project.browserBundle);
    // "<" escaped so that no value can close the script element.
    const page = `<!doctype html><meta charset="utf-8"><title>hathora-processes runtimes</title>
<script type="application/json" id="config">${JSON.stringify(config).replace(/</g, "\\u003c")}</script>
<script type="module" src="/browser.js"></script>`;

    let settle: (body: string) => void = () => {};
    const reported = new Promise<string>((resolve) => (settle = resolve));
    const server = createServer((req, res) => {
      if (req.method === "POST" && req.url === "/results") {
        let body = "";
        req.on("data", (chunk: Buffer) => (body += chunk.toString()));
        req.on("end", () => {
          res.writeHead(204).end();
          settle(body);
        });
      } else if (req.url === "/browser.js") {
        res.writeHead(200, { "content-type": "text/javascript" }).end(script);
      } else if (req.url === "/") {
        res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(page);
      } else {
        res.writeHead(404).end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const pageUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    const profile = mkdtempSync(join(work, "chromium-profile-"));
    const chromium = start(binary, [...FLAGS, `--user-data-dir=${profile}`, pageUrl], { env: { ...process.env, HOME: profile } });
    let timer: NodeJS.Timeout | undefined;
    try {
      const body = await Promise.race([
        reported,
        chromium.exited.then((code) => Promise.reject(new Error(`chromium exited (${code}) before reporting:\n${chromium.output().slice(-3000)}`))),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error(`no report within ${timeoutMs} ms:\n${chromium.output().slice(-3000)}`)), timeoutMs);
        }),
      ]);
      const parsed = JSON.parse(body) as { outcomes?: unknown; error?: string };
      if (parsed.error !== undefined) throw new Error(`the page failed: ${parsed.error}`);
      return parseOutcomes(JSON.stringify(parsed.outcomes));
    } finally {
      clearTimeout(timer);
      await chromium.stop();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      rmSync(profile, { recursive: true, force: true });
    }
  };
}
