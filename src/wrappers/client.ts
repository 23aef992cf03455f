import createClient, { type Client } from "openapi-fetch";
import { specVersion } from "../generated/operations.js";
import type { paths } from "../generated/schema.js";
import { checkRetryOptions } from "./check-input.js";
import { ConfigError } from "./errors/config-error.js";
import { DEFAULTS, type HathoraClientOptions } from "./options.js";
import { createProcessesV2, type ProcessesV2 } from "./processes-v2.js";
import { createProcessesV3, type ProcessesV3 } from "./processes-v3.js";
import { LightRequest, toFetchArguments } from "./light-request.js";
import { bearerToken, sanitizeCause } from "./redact.js";
import { followRedirectsSafely } from "./redirects.js";
import { createSend } from "./send.js";
import { checkTokenOption, resolveToken } from "./token.js";

export interface HathoraClient {
  processesV2: ProcessesV2;
  processesV3: ProcessesV3;
  /**
   * The typed openapi-fetch client, with the base URL, token and headers already set, for
   * anything the wrappers do not cover. Its calls return `{ data, error, response }` as
   * openapi-fetch does: no retries, no time limit, no error classes.
   */
  raw: Client<paths>;
}

/** Creates a client. Throws ConfigError for bad options, a missing token among them. */
export function createHathoraClient(options: HathoraClientOptions): HathoraClient {
  if (typeof options !== "object" || options === null) {
    throw new ConfigError("createHathoraClient expects an options object with at least a token");
  }
  const { token, appId, baseUrl = DEFAULTS.baseUrl, headers, userAgent } = options;
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
  checkRetryOptions(options as unknown as Record<string, unknown>, "createHathoraClient");
  const userFetch = options.fetch;
  const platformFetch = globalThis.fetch as typeof fetch | undefined;
  if (userFetch !== undefined ? typeof userFetch !== "function" : typeof platformFetch !== "function") {
    throw new ConfigError("No fetch available: pass createHathoraClient({ fetch }), a function taking a Request");
  }
  // A user's fetch gets a real Request, as FetchLike promises; the platform's gets (url, init).
  // The platform's errors never carry request headers and are kept as they are; a user's fetch
  // may attach the request to its errors, so those are copied with the token redacted.
  const sender = followRedirectsSafely(
    userFetch
      ? (url, init) =>
          userFetch(new Request(url, init)).catch((error: unknown) => {
            throw sanitizeCause(error, bearerToken(init.headers));
          })
      : (url, init) => (platformFetch as typeof fetch)(url, init),
  );
  const shared = { baseUrl, headers: { "User-Agent": userAgent ?? `hathora-processes/${specVersion}`, ...headers } };
  const send = createSend({
    client: createClient<paths>({ ...shared, Request: LightRequest as unknown as typeof Request }),
    sender,
    token,
    appId,
    retry: {
      maxRetries: options.maxRetries ?? DEFAULTS.maxRetries,
      timeoutMs: options.timeoutMs ?? DEFAULTS.timeoutMs,
      retryBaseDelayMs: options.retryBaseDelayMs ?? DEFAULTS.retryBaseDelayMs,
      retryMaxDelayMs: options.retryMaxDelayMs ?? DEFAULTS.retryMaxDelayMs,
      maxRetryAfterMs: options.maxRetryAfterMs ?? DEFAULTS.maxRetryAfterMs,
      retryNonIdempotent: options.retryNonIdempotent ?? DEFAULTS.retryNonIdempotent,
    },
  });

  // The raw client: plain openapi-fetch with real Requests and middleware, sharing the sender.
  const raw = createClient<paths>({ ...shared, fetch: (request: Request) => sender(...toFetchArguments(request)) });
  raw.use({
    async onRequest({ request }) {
      request.headers.set("Authorization", `Bearer ${await resolveToken(token)}`);
      return request;
    },
  });

  return { processesV2: createProcessesV2(send), processesV3: createProcessesV3(send), raw };
}
