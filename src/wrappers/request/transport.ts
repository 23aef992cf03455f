// The last step before the network: one request, sent with the platform's fetch or the user's,
// with redirects followed by the client itself (redirects.ts) so that the token stays on its
// origin whatever fetch is used.
import { followRedirectsSafely } from "./redirects.js";

/** Anything that fetches like the platform's `fetch`; the client always passes a `Request`. */
export type FetchLike = (request: Request) => Promise<Response>;

/** Sends one request as `fetch(url, init)` does. */
export type Transport = (url: string, init: RequestInit) => Promise<Response>;

export function createTransport(userFetch: FetchLike | undefined): Transport {
  if (!userFetch) {
    // `globalThis.fetch` is read for every request, not once: interceptors installed after the
    // client was created (msw, vi.stubGlobal, undici's MockAgent) see every call, also those of
    // a client created at module scope.
    return followRedirectsSafely((url, init) => globalThis.fetch(url, init));
  }
  // A user's fetch gets a real Request, as FetchLike promises. It may attach that request, with
  // its Authorization header, to its errors: the attempt and the raw client copy them without
  // the token (see copyWithoutToken).
  return followRedirectsSafely((url, init) => userFetch(new Request(url, init)));
}
