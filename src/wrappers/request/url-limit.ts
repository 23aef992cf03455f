// A request line longer than a server or proxy accepts gets a 414 or 431, or a reset, after the
// request has left: 5,000 filter values make a 1.5 MB URL. 8 kB is the line most servers and
// proxies accept by default (nginx's large_client_header_buffers, Apache's LimitRequestLine; Node
// allows 16 kB for the whole header block), so a longer URL is refused here, before sending.
import { ConfigError } from "../errors/config-error.js";

/** The longest URL the client sends, in characters (8 kB: the URL is ASCII once encoded). */
export const MAX_URL_LENGTH = 8_192;

/** ConfigError when `url` is over MAX_URL_LENGTH, saying how many filter values made it so. */
export function checkUrlLength(operationId: string, url: string, query: Record<string, unknown>): void {
  if (url.length <= MAX_URL_LENGTH) return;
  const counts = Object.entries(query).flatMap(([name, value]) => (Array.isArray(value) ? [`${name}: ${value.length.toLocaleString("en-US")}`] : []));
  const total = Object.values(query).reduce<number>((sum, value) => sum + (Array.isArray(value) ? value.length : 0), 0);
  const why = counts.length > 0 ? `; it has ${total.toLocaleString("en-US")} filter values (${counts.join(", ")}): pass fewer, or split them over several calls` : "";
  throw new ConfigError(
    `${operationId}: the request URL would be ${url.length.toLocaleString("en-US")} characters, over the ${MAX_URL_LENGTH.toLocaleString("en-US")} (8 kB) that servers and proxies accept${why}; nothing was sent`,
  );
}
