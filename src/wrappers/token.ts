import { ConfigError } from "./errors/config-error.js";
import type { TokenSource } from "./options.js";

/** Checks the `token` option at client creation; a function is checked on each call instead. */
export function checkTokenOption(token: unknown): asserts token is TokenSource {
  if (typeof token === "function") return;
  if (token === undefined || token === null || token === "") {
    throw new ConfigError("A Hathora developer token is required: createHathoraClient({ token })");
  }
  if (typeof token !== "string") {
    throw new ConfigError(`token must be a string or a function returning one, not ${typeof token}`);
  }
  checkTokenText(token);
}

/** The token to send now. Throws ConfigError (never quoting the token) when there is none. */
export async function resolveToken(source: TokenSource): Promise<string> {
  if (typeof source === "string") return source;
  let token: unknown;
  try {
    token = await source();
  } catch (error) {
    throw new ConfigError("The token function threw; no request was sent", { cause: error });
  }
  if (typeof token !== "string" || token === "") {
    throw new ConfigError("The token function returned no token; no request was sent");
  }
  checkTokenText(token);
  return token;
}

// `Headers` rejects such values with a message that quotes them, token included; say it first.
function checkTokenText(token: string): void {
  if (token.trim() === "") throw new ConfigError("The token is blank");
  if (/[^\x20-\x7e\t]/.test(token)) {
    throw new ConfigError("The token contains characters an HTTP header cannot carry (line breaks or non-ASCII)");
  }
}
