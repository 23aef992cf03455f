// createHathoraClient: checks and resolves the options once, then wires the layers of one
// request (methods -> run-operation -> attempt -> transport -> fetch) and the raw client.
import createClient, { createQuerySerializer, type Client } from "openapi-fetch";
import { specVersion } from "../generated/operations.js";
import type { paths } from "../generated/schema.js";
import { ConfigError } from "./errors/config-error.js";
import { DEFAULT_BASE_URL, resolveRequestSettings, type HathoraClientOptions } from "./options.js";
import { createProcessesV2, type ProcessesV2 } from "./processes-v2.js";
import { createProcessesV3, type ProcessesV3 } from "./processes-v3.js";
import { createOperationRunner } from "./run-operation.js";
import { checkTokenOption, resolveToken } from "./token.js";
import { createTransport, type Transport } from "./transport.js";

export interface HathoraClient {
  processesV2: ProcessesV2;
  processesV3: ProcessesV3;
  /**
   * The typed openapi-fetch client, with the base URL, token, headers and redirect safety
   * already set, for anything the wrappers do not cover. Its calls return
   * `{ data, error, response }` as openapi-fetch does: no retries, no time limit, no error classes.
   */
  raw: Client<paths>;
}

/** Creates a client. Throws ConfigError for bad options, a missing token among them. */
export function createHathoraClient(options: HathoraClientOptions): HathoraClient {
  if (typeof options !== "object" || options === null) {
    throw new ConfigError("createHathoraClient expects an options object with at least a token");
  }
  const { token, appId, baseUrl = DEFAULT_BASE_URL, headers, userAgent } = options;
  checkTokenOption(token);
  if (appId !== undefined && (typeof appId !== "string" || appId === "")) {
    throw new ConfigError("appId, when given, must be a non-empty string");
  }
  if (!/^https?:\/\/[^/]/i.test(String(baseUrl)) || !URL.canParse(baseUrl)) {
    throw new ConfigError(`baseUrl must be an absolute http(s) URL, got ${JSON.stringify(baseUrl)}`);
  }
  if (headers !== undefined && (typeof headers !== "object" || headers === null)) {
    throw new ConfigError("headers must be an object of strings");
  }
  const settings = resolveRequestSettings(options);
  if (options.fetch !== undefined ? typeof options.fetch !== "function" : typeof globalThis.fetch !== "function") {
    throw new ConfigError("No fetch available: pass createHathoraClient({ fetch }), a function taking a Request");
  }
  const transport = createTransport(options.fetch);
  // Lower-case names, so that a call's headers merge over them whatever their case.
  const clientHeaders = Object.fromEntries(new Headers({ "user-agent": userAgent ?? `hathora-processes/${specVersion}`, ...headers }));
  const run = createOperationRunner({ baseUrl, headers: clientHeaders, querySerializer: createQuerySerializer(), transport, token, appId, settings });
  return { processesV2: createProcessesV2(run), processesV3: createProcessesV3(run), raw: createRawClient(baseUrl, clientHeaders, token, transport) };
}

/** Plain openapi-fetch, sending through the same transport (redirect safety) with the token set. */
function createRawClient(baseUrl: string, headers: Record<string, string>, token: HathoraClientOptions["token"], transport: Transport): Client<paths> {
  return createClient<paths>({
    baseUrl,
    headers,
    fetch: async (request: Request) => {
      const resolved = await resolveToken(token);
      const requestHeaders = new Headers(request.headers);
      requestHeaders.set("authorization", `Bearer ${resolved}`);
      // The body is read once so that a redirect can send it again.
      const body = request.body === null ? undefined : await request.arrayBuffer();
      return transport(request.url, { method: request.method, headers: requestHeaders, signal: request.signal, ...(body && { body }) }, resolved);
    },
  });
}
