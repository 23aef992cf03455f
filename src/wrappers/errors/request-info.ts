/** Which request an error is about. Never holds headers, so never the token. */
export interface RequestInfo {
  operationId: string;
  method: string;
  /** The full URL that was requested. */
  url: string;
  /** How many attempts were made, retries included. */
  attempts: number;
}

/** `GET /processes/v3/apps/app-1/processes/p-1`: the part of a message that names the request. */
export function describeRequest({ method, url }: Pick<RequestInfo, "method" | "url">): string {
  try {
    const { pathname, search } = new URL(url);
    return `${method} ${pathname}${search}`;
  } catch {
    return `${method} ${url}`;
  }
}
