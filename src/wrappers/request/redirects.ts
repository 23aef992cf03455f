/** Sends one request as `fetch(url, init)` does (transport.ts's Transport). */
type Send = (url: string, init: RequestInit) => Promise<Response>;

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
 * no Location, and no way to tell a 307 "go there" from a 303 "done, see there"). From then on
 * this sender's requests go out with `redirect: "follow"`, and a browser itself removes
 * Authorization when a redirect leaves the origin (Fetch standard, HTTP-redirect fetch). The
 * request that met the opaque redirect is sent again only if it is a GET or HEAD; a POST may
 * already have been acted on (a 303 after a create is the usual "done"), so it fails instead as
 * a failure that may have reached the server, which the retry policy repeats only where that is
 * safe (stopProcess), never for createProcess.
 */
export function followRedirectsSafely(send: Send): Send {
  let runtimeHidesRedirects = false;
  // Most responses are not redirects: the first hop goes out without an async frame of its own.
  // `init` is the sender's own, made for this one request, so it is set rather than copied.
  return (url, init) => {
    init.redirect = runtimeHidesRedirects ? "follow" : "manual";
    if (runtimeHidesRedirects) return send(url, init);
    return send(url, init).then((response) => (isRedirect(response) ? follow(response, url, init) : response));
  };

  async function follow(firstResponse: Response, firstUrl: string, firstInit: RequestInit): Promise<Response> {
    let [response, url, init] = [firstResponse, firstUrl, firstInit];
    for (let hop = 0; ; hop++) {
      if (response.type === "opaqueredirect") {
        runtimeHidesRedirects = true;
        const method = init.method ?? "GET";
        if (method === "GET" || method === "HEAD") return send(url, { ...init, redirect: "follow" });
        throw new TypeError(`The runtime hid a redirect of ${method} ${url}; it is not sent again, as the server may have acted on it`);
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
      const toGet = method !== "HEAD" && (response.status === 303 || (method === "POST" && response.status !== 307 && response.status !== 308));
      if (toGet) {
        // A request turned into a GET loses its body and what described it (Fetch standard).
        for (const name of ["content-type", "content-length", "content-encoding", "content-language", "content-location"]) headers.delete(name);
        const { body: _body, ...rest } = init;
        init = { ...rest, method: "GET", headers };
      } else {
        init = { ...init, headers };
      }
      url = target.href;
      response = await send(url, init);
    }
  }
}

function isRedirect(response: Response): boolean {
  return response.type === "opaqueredirect" || REDIRECT_STATUSES.has(response.status);
}
