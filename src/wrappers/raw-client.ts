// The typed openapi-fetch client, for anything the wrappers do not cover. Its own export, so that
// a bundle that only uses createHathoraClient does not carry openapi-fetch's client.
import createClient, { type Client } from "openapi-fetch";
import type { paths } from "../generated/schema.js";
import { resolveClientOptions, type HathoraClientOptions } from "./options/client-options.js";
import { redactor, resolveToken } from "./request/token.js";
import { createTransport } from "./request/transport.js";

/**
 * Creates a plain openapi-fetch client with the base URL, token, headers and redirect safety
 * of `createHathoraClient` (same options). Its calls return `{ data, error, response }` as
 * openapi-fetch does: no retries, no time limit, no error classes, no logs or events.
 */
export function createRawClient(options: HathoraClientOptions): Client<paths> {
  const { baseUrl, headers, token, fetch } = resolveClientOptions(options);
  const transport = createTransport(fetch);
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
        throw fetch ? redactor(resolved).error(error) : error;
      });
    },
  });
}
