import type { FetchLike } from "./options.js";

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const MAX_REDIRECTS = 5;

/**
 * Wraps `fetch` so that redirects are followed here rather than by `fetch` itself (the
 * client sends every request with `redirect: "manual"`). Only this way can the client promise,
 * whatever `fetch` it was given, that the Authorization header never leaves the origin it was
 * meant for: a hop to another origin drops it. Method rules follow the Fetch standard.
 * After MAX_REDIRECTS hops the redirect response itself is returned (and becomes an ApiError).
 */
export function followRedirectsSafely(fetchImpl: FetchLike): FetchLike {
  return async (first) => {
    let request = first;
    for (let hop = 0; ; hop++) {
      const response = await fetchImpl(request);
      const location = response.headers.get("location");
      if (!REDIRECT_STATUSES.has(response.status) || location === null || hop === MAX_REDIRECTS) return response;
      await response.body?.cancel();
      const target = new URL(location, request.url);
      const headers = new Headers(request.headers);
      if (target.origin !== new URL(request.url).origin) {
        headers.delete("authorization");
        headers.delete("cookie");
      }
      const toGet = response.status === 303 || (request.method === "POST" && response.status !== 307 && response.status !== 308);
      request = new Request(target, {
        method: toGet && request.method !== "HEAD" ? "GET" : request.method,
        headers,
        signal: request.signal,
        redirect: "manual",
      });
    }
  };
}
