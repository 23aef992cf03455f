// baseUrl as users write it: with a trailing slash, behind a path prefix (a server mounted at
// `/hathora/`), with and without the slash, for the client and for createRawClient. The path a
// server receives is read on the server, as it arrives.
import { describe, expect, it } from "vitest";
import { ConfigError, createHathoraClient, createRawClient, type HathoraClientOptions } from "../../src/index.js";
import { json, useFaultServer } from "../helpers/fault-server.js";
import { processV3 } from "../helpers/fixtures.js";

const server = useFaultServer();
const path = "/processes/v3/apps/app-1/processes/p-1";

/** A route of the fault server and the path prefix the server sees for it. */
function route() {
  const base = server.route((_, res) => json(res, 200, processV3));
  return { base, prefix: new URL(base).pathname };
}

describe("the path a request is sent to", () => {
  // `route().base` is `http://127.0.0.1:port/rN`: itself a base URL with a path prefix.
  it.each([
    ["a path prefix", ""],
    ["a path prefix and a trailing slash", "/"],
    ["a path prefix and two trailing slashes", "//"],
  ])("with %s: the client sends one slash between prefix and operation path", async (_, tail) => {
    const { base, prefix } = route();
    await createHathoraClient({ token: "t", appId: "app-1", baseUrl: `${base}${tail}` }).processesV3.getProcess({ processId: "p-1" });
    expect(server.seen(base).map((request) => request.url)).toEqual([`${prefix}${path}`]);
  });

  it.each([
    ["a path prefix", ""],
    ["a path prefix and a trailing slash", "/"],
  ])("with %s: createRawClient does the same", async (_, tail) => {
    const { base, prefix } = route();
    const raw = createRawClient({ token: "t", baseUrl: `${base}${tail}` });
    const { response } = await raw.GET("/processes/v3/apps/{appId}/processes/{processId}", { params: { path: { appId: "app-1", processId: "p-1" } } });
    expect(response.status).toBe(200);
    expect(server.seen(base).map((request) => request.url)).toEqual([`${prefix}${path}`]);
  });

  it("an origin with a trailing slash: no double slash (recorded as fetch receives it)", async () => {
    const urls: string[] = [];
    const client = createHathoraClient({
      token: "t",
      appId: "app-1",
      baseUrl: "https://example.test/",
      fetch: async (request) => {
        urls.push(request.url);
        return Response.json(processV3);
      },
    });
    await client.processesV3.getProcess({ processId: "p-1" });
    expect(urls).toEqual([`https://example.test${path}`]);
  });
});

describe("base URLs that cannot work are refused at creation", () => {
  const cases: Array<[string, string, RegExp]> = [
    ["a query", "https://example.test/hathora?key=1", /baseUrl must not have a query or fragment/],
    ["a fragment", "https://example.test/hathora#x", /baseUrl must not have a query or fragment/],
    ["an empty query", "https://example.test/?", /baseUrl must not have a query or fragment/],
    ["a user name and password", "https://user:hunter2-secret@example.test/", /baseUrl must not contain a user name or password/],
  ];
  it.each(cases)("%s is a ConfigError", (_, baseUrl, message) => {
    const create = () => createHathoraClient({ token: "t", baseUrl } as HathoraClientOptions);
    expect(create).toThrow(ConfigError);
    expect(create).toThrow(message);
  });

  it("the password is not quoted", () => {
    let thrown: unknown;
    try {
      createRawClient({ token: "t", baseUrl: "https://user:hunter2-secret@example.test/" });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ConfigError);
    expect(String(thrown)).not.toContain("hunter2");
  });
});
