// createHathoraClient: checks and resolves the options once, then wires the layers of one
// request (methods -> run-operation -> attempt -> transport -> fetch) and the raw client.
import createClient, { createQuerySerializer, type Client } from "openapi-fetch";
import type { paths } from "../generated/schema.js";
import { resolveClientOptions, type HathoraClientOptions, type ResolvedClientOptions } from "./options.js";
import { createProcessesV2, type ProcessesV2 } from "./processes-v2.js";
import { createProcessesV3, type ProcessesV3 } from "./processes-v3.js";
import { createOperationRunner } from "./run-operation.js";
import { copyWithoutToken, resolveToken } from "./token.js";
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
  const resolved = resolveClientOptions(options);
  const { baseUrl, headers, fetch, token, appId, settings } = resolved;
  const transport = createTransport(fetch);
  const run = createOperationRunner({ baseUrl, headers, querySerializer: createQuerySerializer(), transport, copyFetchErrors: fetch !== undefined, token, appId, settings });
  return { processesV2: createProcessesV2(run), processesV3: createProcessesV3(run), raw: createRawClient(resolved, transport) };
}

/** Plain openapi-fetch, sending through the same transport (redirect safety) with the token set. */
function createRawClient(options: ResolvedClientOptions, transport: Transport): Client<paths> {
  const { baseUrl, headers, token } = options;
  return createClient<paths>({
    baseUrl,
    headers,
    fetch: async (request: Request) => {
      const resolved = await resolveToken(token);
      const requestHeaders = new Headers(request.headers);
      requestHeaders.set("authorization", `Bearer ${resolved}`);
      // The body is read once so that a redirect can send it again.
      const body = request.body === null ? undefined : await request.arrayBuffer();
      const init = { method: request.method, headers: requestHeaders, signal: request.signal, ...(body && { body }) };
      return transport(request.url, init).catch((error: unknown) => {
        throw options.fetch ? copyWithoutToken(error, resolved) : error;
      });
    },
  });
}
