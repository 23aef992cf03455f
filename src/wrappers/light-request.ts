// openapi-fetch builds a platform Request for every call and hands it to fetch, which copies
// it into a second one. Constructing a Request is not cheap (URL parsing, a Headers copy, a
// signal to follow), so the wrappers' openapi-fetch client is given this stand-in instead: it
// keeps what openapi-fetch put together (URL, method, headers, signal) and `toFetchArguments`
// turns it into one real `fetch(url, init)`. The `raw` client keeps real Requests.

export class LightRequest {
  readonly url: string;
  readonly method: string;
  readonly headers: Headers;
  readonly signal: AbortSignal | undefined;

  constructor(url: string, init: RequestInit = {}) {
    this.url = url;
    this.method = init.method ?? "GET";
    this.headers = init.headers instanceof Headers ? init.headers : new Headers(init.headers);
    this.signal = init.signal ?? undefined;
  }
}

/** The request as `fetch(url, init)` arguments. Process operations never have a body. */
export function toFetchArguments(request: LightRequest | Request): [string, RequestInit] {
  return [request.url, { method: request.method, headers: request.headers, ...(request.signal && { signal: request.signal }) }];
}
