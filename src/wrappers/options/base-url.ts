// The `baseUrl` option: an absolute http(s) URL, possibly with a path prefix (a server behind
// `https://host/hathora/`). Operation paths start with `/`, so the prefix is kept without its
// trailing slashes: `https://host/` and `https://host` both give `https://host/processes/...`,
// never `https://host//processes/...`.
import { ConfigError } from "../errors/config-error.js";
import { describeValue } from "./setting-checks.js";

/** The checked base URL, without trailing slashes; ConfigError when it cannot be one. */
export function resolveBaseUrl(baseUrl: unknown): string {
  if (typeof baseUrl !== "string" || !/^https?:\/\/[^/]/i.test(baseUrl) || !URL.canParse(baseUrl)) {
    throw new ConfigError(`createHathoraClient: baseUrl must be an absolute http(s) URL, got ${describeValue(baseUrl)}`);
  }
  const url = new URL(baseUrl);
  // Not quoted: a user name and password in a URL are secrets, and fetch refuses such a URL.
  if (url.username !== "" || url.password !== "") {
    throw new ConfigError("createHathoraClient: baseUrl must not contain a user name or password (fetch refuses such URLs); send credentials as headers");
  }
  // Operation paths are appended to the base URL as text: a query or fragment would swallow them.
  if (url.search !== "" || url.hash !== "" || /[?#]/.test(baseUrl)) {
    throw new ConfigError(`createHathoraClient: baseUrl must not have a query or fragment (operation paths are appended to it), got ${describeValue(baseUrl)}`);
  }
  return baseUrl.replace(/\/+$/, "");
}
