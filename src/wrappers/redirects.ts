import type { Transport } from "./transport.js";

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const MAX_REDIRECTS = 5;

/**
 * Follows redirects here rather than in `fetch` (requests go out with `redirect: "manual"`).
 * Only this way can the client promise, whatever `fetch` it was given, that the Authorization
 * header never leaves the origin it was meant for: a hop to another origin drops it. Method
 * rules follow the Fetch standard. After MAX_REDIRECTS hops the redirect response itself is
 * returned (and becomes an ApiError).
 *
 * Browsers hide redirects from scripts: "manual" gives an `opaqueredirect` response (status 0,
 * no Location). There the same request is sent once more with `redirect: "follow"` (a 3xx
 * means the server did not act on it, so this is safe even for a POST), and every later request
 * of this sender goes out with "follow" directly. A browser itself removes Authorization when
 * a redirect leaves the origin (Fetch standard, HTTP-redirect fetch), so the promise holds.
 */
export function followRedirectsSafely(send: Transport): Transport {
  let runtimeHidesRedirects = false;
  // Most responses are not redirects: the first hop goes out without an async frame of its own.
  return (url, init, token) => {
    if (runtimeHidesRedirects) return send(url, { ...init, redirect: "follow" }, token);
    const first = { ...init, redirect: "manual" as const };
    return send(url, first, token).then((response) => (isRedirect(response) ? follow(response, url, first, token) : response));
  };

  async function follow(firstResponse: Response, firstUrl: string, firstInit: RequestInit, token: string): Promise<Response> {
    let [response, url, init] = [firstResponse, firstUrl, firstInit];
    for (let hop = 0; ; hop++) {
      if (response.type === "opaqueredirect") {
        runtimeHidesRedirects = true;
        return send(url, { ...init, redirect: "follow" }, token);
      }
      const location = REDIRECT_STATUSES.has(response.status) ? response.headers.get("location") : null;
      if (location === null || hop === MAX_REDIRECTS) return response;
      await response.body?.cancel();
      const target = new URL(location, url);
      const headers = new Headers(init.headers);
      if (target.origin !== new URL(url).origin) {
        headers.delete("authorization");
        headers.delete("cookie");
      }
      const method = init.method ?? "GET";
      const toGet = response.status === 303 || (method === "POST" && response.status !== 307 && response.status !== 308);
      [url, init] = [target.href, { ...init, method: toGet && method !== "HEAD" ? "GET" : method, headers }];
      response = await send(url, init, token);
    }
  }
}

function isRedirect(response: Response): boolean {
  return response.type === "opaqueredirect" || REDIRECT_STATUSES.has(response.status);
}
