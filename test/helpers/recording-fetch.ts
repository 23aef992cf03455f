import type { FetchLike } from "../../src/index.js";

export interface RecordedRequest {
  method: string;
  url: URL;
  headers: Headers;
}

/**
 * A `fetch` to inject into one client: it records each request exactly as it leaves the client,
 * then sends it on with the platform's fetch (to Prism or a local server).
 */
export function recordingFetch(): { fetch: FetchLike; requests: RecordedRequest[] } {
  const requests: RecordedRequest[] = [];
  return {
    requests,
    fetch: (request) => {
      requests.push({ method: request.method, url: new URL(request.url), headers: new Headers(request.headers) });
      return fetch(request);
    },
  };
}
