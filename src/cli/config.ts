// The client's configuration, as the client itself is configured: HATHORA_TOKEN, HATHORA_APP_ID
// and HATHORA_BASE_URL, each overridden by its flag (--token, --app-id, --base-url).
import type { OptionValues } from "./args.js";
import { UsageError } from "./usage-error.js";

/** What the client needs from the command line and the environment. */
export interface Connection {
  token: string;
  appId: string;
  baseUrl: string | undefined;
}

/** The flag, else the variable; an empty value counts as not set. */
const pick = (flag: string | undefined, variable: string | undefined) => (flag !== undefined && flag !== "" ? flag : variable !== undefined && variable !== "" ? variable : undefined);

/** The token, app id and base URL; UsageError (naming the variable and the flag) when one is missing. */
export function connectionFrom(values: OptionValues, env: NodeJS.ProcessEnv): Connection {
  const token = pick(values.token, env.HATHORA_TOKEN);
  const appId = pick(values["app-id"], env.HATHORA_APP_ID);
  if (token === undefined) throw new UsageError("no token: set HATHORA_TOKEN (or pass --token)");
  if (appId === undefined) throw new UsageError("no application id: set HATHORA_APP_ID (or pass --app-id)");
  const baseUrl = pick(values["base-url"], env.HATHORA_BASE_URL);
  // The client checks it too, but its message names its own option, not the flag or the variable.
  if (baseUrl !== undefined && !(/^https?:\/\/[^/]/i.test(baseUrl) && URL.canParse(baseUrl))) {
    throw new UsageError("the base URL (--base-url or HATHORA_BASE_URL) must be an absolute http(s) URL");
  }
  return { token, appId, baseUrl };
}
