// What differs between runtimes, reproduced here with an injected fetch: the exact errors each
// runtime's fetch throws for a refused connection (as `npm run test:runtimes` observed them;
// that harness runs the real runtimes), and a browser's opaque answer to `redirect: "manual"`.
import { describe, expect, it } from "vitest";
import { ConnectionError, type FetchLike } from "../../src/index.js";
import { classifyFetchFailure } from "../../src/wrappers/request/fetch-failure.js";
import { json, useFaultServer } from "../helpers/fault-server.js";
import { faultClient, processV3, rejectionOf } from "../helpers/fixtures.js";

const systemError = (message: string, fields: Record<string, unknown>) => Object.assign(new Error(message), fields);

/** What each runtime's fetch throws, field for field, when nothing listens on the port. */
const REFUSED: Record<string, () => Error> = {
  // Node 20, 22, 24 (undici)
  node: () =>
    new TypeError("fetch failed", {
      cause: systemError("connect ECONNREFUSED 127.0.0.1:45999", { code: "ECONNREFUSED", errno: -111, syscall: "connect", address: "127.0.0.1", port: 45999 }),
    }),
  // Bun 1.4
  bun: () => systemError("ECONNREFUSED: Unable to connect. Is the computer able to access the url?", { name: "TypeError", code: "ECONNREFUSED", errno: 0 }),
  // Bun 1.2 and 1.3
  "bun 1.3": () => systemError("Unable to connect. Is the computer able to access the url?", { code: "ConnectionRefused", errno: 0 }),
  // Deno 2.9
  deno: () =>
    new TypeError("fetch failed", {
      cause: new Error("error sending request for url (http://127.0.0.1:45999/x): client error (Connect): tcp connect error: Connection refused (os error 111)"),
    }),
  // Cloudflare workerd
  workerd: () => new Error("Network connection lost."),
  // Chromium (every network failure, CORS refusals included)
  chromium: () => new TypeError("Failed to fetch"),
};

describe("classifyFetchFailure: did the request leave?", () => {
  it.each([
    ["node", "ECONNREFUSED", false],
    ["bun", "ECONNREFUSED", false],
    ["bun 1.3", "ConnectionRefused", false],
    ["deno", "ECONNREFUSED", false],
    ["workerd", undefined, true],
    ["chromium", undefined, true],
  ] as const)("a refused connection on %s: code %s, mayHaveReachedServer %s", (runtime, code, mayHaveReachedServer) => {
    expect(classifyFetchFailure(REFUSED[runtime]?.())).toEqual({ code, mayHaveReachedServer });
  });

  it("Deno's failed name lookup is in the Connect phase too: never sent", () => {
    // The message format of Deno's fetch errors, from denoland/deno#24922.
    const error = new TypeError("fetch failed", {
      cause: new Error("error sending request for url (https://nonexistent.deno.land/): client error (Connect): dns error: failed to lookup address information: nodename nor servname provided, or not known"),
    });
    expect(classifyFetchFailure(error)).toEqual({ code: "ENOTFOUND", mayHaveReachedServer: false });
  });

  it("Deno's reset after connecting (observed: no Connect phase in the message) may have reached the server", () => {
    const error = new TypeError("fetch failed", { cause: new Error("Connection reset by peer (os error 104)") });
    expect(classifyFetchFailure(error)).toEqual({ code: undefined, mayHaveReachedServer: true });
    const sending = new TypeError("fetch failed", { cause: new Error("error sending request for url (http://127.0.0.1:1/): client error (SendRequest): connection error: Connection reset by peer (os error 104)") });
    expect(classifyFetchFailure(sending)).toEqual({ code: undefined, mayHaveReachedServer: true });
  });

  it("resets on Node and Bun keep their code and may have reached the server", () => {
    expect(classifyFetchFailure(new TypeError("fetch failed", { cause: systemError("read ECONNRESET", { code: "ECONNRESET" }) }))).toEqual({ code: "ECONNRESET", mayHaveReachedServer: true });
    expect(classifyFetchFailure(systemError("ECONNRESET: The socket connection was closed unexpectedly.", { code: "ECONNRESET" }))).toEqual({ code: "ECONNRESET", mayHaveReachedServer: true });
  });

  it("a refused code next to a reset in one AggregateError is not proof that nothing was sent", () => {
    const error = new TypeError("fetch failed", { cause: new AggregateError([systemError("a", { code: "ECONNREFUSED" }), systemError("b", { code: "ECONNRESET" })]) });
    expect(classifyFetchFailure(error).mayHaveReachedServer).toBe(true);
  });
});

describe("attempts after a refused connection, per runtime (maxRetries 2)", () => {
  const refusingFetch = (runtime: string) => {
    const calls: string[] = [];
    const fetch: FetchLike = async (request) => {
      calls.push(request.method);
      throw REFUSED[runtime]?.();
    };
    return { fetch, calls };
  };

  it.each([
    ["node", 3],
    ["bun", 3],
    ["bun 1.3", 3],
    ["deno", 3],
    ["workerd", 1],
    ["chromium", 1],
  ] as const)("createProcess on %s is sent %i time(s)", async (runtime, attempts) => {
    const { fetch, calls } = refusingFetch(runtime);
    const error = await rejectionOf(faultClient("http://127.0.0.1:45999", { fetch }).processesV3.createProcess({ region: "Frankfurt" }), ConnectionError);
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error.attempts).toBe(attempts);
    expect(error.mayHaveReachedServer).toBe(attempts === 1);
    expect(calls).toEqual(Array(attempts).fill("POST"));
  });

  it.each(Object.keys(REFUSED))("a GET on %s is sent 3 times", async (runtime) => {
    const { fetch, calls } = refusingFetch(runtime);
    const error = await rejectionOf(faultClient("http://127.0.0.1:45999", { fetch }).processesV3.getProcess({ processId: "p" }), ConnectionError);
    expect(error.attempts).toBe(3);
    expect(calls).toHaveLength(3);
  });
});

describe("redirects where the runtime hides them (browsers)", () => {
  const server = useFaultServer();

  /**
   * A browser's fetch, as far as redirects go: the request really goes to the local server;
   * under `redirect: "manual"` a 3xx comes back as an opaqueredirect (status 0, no headers, no
   * body), under "follow" the platform follows it.
   */
  const browserLikeFetch = () => {
    const modes: string[] = [];
    const fetch: FetchLike = async (request) => {
      modes.push(request.redirect);
      const response = await globalThis.fetch(request);
      if (request.redirect !== "manual" || response.status < 300 || response.status > 399) return response;
      await response.body?.cancel();
      const opaque = new Response(null, { status: 200 });
      Object.defineProperties(opaque, { type: { value: "opaqueredirect" }, status: { value: 0 }, ok: { value: false }, statusText: { value: "" } });
      return opaque;
    };
    return { fetch, modes };
  };

  /** 307 from `<base>/...` to `<base>/final/...`, where the process is served. */
  const redirecting = () => {
    const base = server.route((req, res) => {
      const [, route, ...rest] = (req.url ?? "").split("/");
      if (rest[0] === "final") return json(res, 200, processV3);
      res.writeHead(307, { location: `/${route}/final/${rest.join("/")}` }).end();
    });
    const hops = () => server.seen(base).map(({ method, url }) => `${method} ${url.split("/")[2] === "final" ? "final" : "redirect"}`);
    return { base, hops };
  };

  it("the first request is sent again with redirect: follow, later ones go out with follow directly", async () => {
    const { base, hops } = redirecting();
    const { fetch, modes } = browserLikeFetch();
    const client = faultClient(base, { fetch });
    await expect(client.processesV3.getProcess({ processId: "p" })).resolves.toEqual(processV3);
    await expect(client.processesV3.getProcess({ processId: "p" })).resolves.toEqual(processV3);
    expect(modes).toEqual(["manual", "follow", "follow"]);
    expect(hops()).toEqual(["GET redirect", "GET redirect", "GET final", "GET redirect", "GET final"]);
  });

  it("a createProcess that meets a hidden redirect is not sent again: it may have been acted on", async () => {
    const { base, hops } = redirecting();
    const { fetch, modes } = browserLikeFetch();
    const client = faultClient(base, { fetch });
    const error = await rejectionOf(client.processesV3.createProcess({ region: "Frankfurt" }), ConnectionError);
    expect(error.mayHaveReachedServer).toBe(true);
    expect(error.attempts).toBe(1);
    expect(error.message).toContain("hid a redirect");
    expect(hops()).toEqual(["POST redirect"]);
    // The client now knows: the next create goes out with "follow" and the browser follows it.
    await expect(client.processesV3.createProcess({ region: "Frankfurt" })).resolves.toEqual(processV3);
    expect(modes).toEqual(["manual", "follow"]);
  });

  it("a stopProcess that meets a hidden redirect is retried, with follow: stopping twice is safe", async () => {
    const { base, hops } = redirecting();
    const { fetch, modes } = browserLikeFetch();
    await expect(faultClient(base, { fetch }).processesV3.stopProcess({ processId: "p" })).resolves.toBeUndefined();
    expect(modes).toEqual(["manual", "follow"]);
    expect(hops()[0]).toBe("POST redirect");
  });

  it("the request sent again carries the same Authorization as the first (same origin)", async () => {
    const { base } = redirecting();
    const { fetch } = browserLikeFetch();
    await faultClient(base, { fetch }).processesV3.getProcess({ processId: "p" });
    expect(server.seen(base).map(({ headers }) => headers.authorization)).toEqual(["Bearer fault-token", "Bearer fault-token", "Bearer fault-token"]);
  });

  it("where redirects are visible (Node here), the client follows them itself: one request per hop", async () => {
    const { base, hops } = redirecting();
    const modes: string[] = [];
    const fetch: FetchLike = (request) => {
      modes.push(request.redirect);
      return globalThis.fetch(request);
    };
    const client = faultClient(base, { fetch });
    await client.processesV3.getProcess({ processId: "p" });
    await client.processesV3.getProcess({ processId: "p" });
    expect(modes).toEqual(["manual", "manual", "manual", "manual"]);
    expect(hops()).toEqual(["GET redirect", "GET final", "GET redirect", "GET final"]);
  });
});
