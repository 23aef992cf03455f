// The last step before the network: one request, sent with the platform's fetch or the user's,
// with redirects followed by the client itself (redirects.ts) so that the token stays on its
// origin whatever fetch is used.
import type { FetchLike } from "./options.js";
import { followRedirectsSafely } from "./redirects.js";
import { copyWithoutToken } from "./token.js";

/** Sends one request as `fetch(url, init)` does. `token` keeps a user fetch's errors free of it. */
export type Transport = (url: string, init: RequestInit, token: string) => Promise<Response>;

export function createTransport(userFetch: FetchLike | undefined): Transport {
  if (!userFetch) {
    // The platform's errors never carry request headers; they are kept as they are (as `cause`).
    const platformFetch = globalThis.fetch;
    return followRedirectsSafely((url, init) => platformFetch(url, init));
  }
  // A user's fetch gets a real Request, as FetchLike promises. It may attach the request, with
  // its Authorization header, to its errors, so those are replaced by copies without the token.
  return followRedirectsSafely((url, init, token) =>
    userFetch(new Request(url, init)).catch((error: unknown) => {
      throw copyWithoutToken(error, token);
    }),
  );
}
