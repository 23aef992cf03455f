// The appId is an id, not a secret, and errors, events, log lines and spans show it, as they
// show the URL it is part of. Except when it is plainly not an id: the token passed as appId
// (token and appId swapped in a config file), which would otherwise be echoed in every error
// message and log line, as the token never is. Two rules:
// - An appId equal to the token is refused before anything is sent (a ConfigError naming
//   neither): it can only be a mistake, and sending it would put the token in a URL path.
// - An appId that looks like a secret (see `looksLikeSecret`) is sent as given (the server may
//   really know it by that name), but everything the client reports shows it as
//   `[appId-hidden-N-chars]`: in URLs, messages, bodies and headers of errors, and in events,
//   log lines and spans, which are all written from the same, already hidden, URL.
import { ConfigError } from "../errors/config-error.js";

/** An appId that is never shown, with its URL-encoded form and what is shown instead. */
export interface HiddenAppId {
  value: string;
  encoded: string;
  shown: string;
}

// Hathora's ids: `app-<uuid>`. Shown whole without a second look.
const HATHORA_APP_ID = /^(?:app-)?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// Longer than any id Hathora or a config file gives (Hathora's are 40 characters); a JWT is hundreds.
const MAX_PLAIN_LENGTH = 64;
// A run of 16 or more letters and digits mixing upper case, lower case and digits: a random key
// (base62/base64 tokens, the random tail of `hathora_org_st_...`). Ids people write have
// separators (`my-game-eu`) or one case; uuids and hex ids have no upper case.
const RANDOM_RUN = /[A-Za-z0-9]{16,}/g;

/** True when `appId` looks like a secret rather than an id: see the rules above. */
export function looksLikeSecret(appId: string): boolean {
  if (HATHORA_APP_ID.test(appId)) return false;
  if (appId.length > MAX_PLAIN_LENGTH) return true;
  for (const [run] of appId.matchAll(RANDOM_RUN)) {
    if (/[a-z]/.test(run) && /[A-Z]/.test(run) && /[0-9]/.test(run)) return true;
  }
  return false;
}

// Services call with one appId (the client's default): its verdict is kept.
let last: { appId: string; hidden: HiddenAppId | undefined } | undefined;

/** The appId to hide in everything reported about a call, or undefined when it looks like an id. */
export function hiddenAppId(appId: string | undefined): HiddenAppId | undefined {
  if (appId === undefined) return undefined;
  if (last?.appId !== appId) {
    const hidden = looksLikeSecret(appId) ? { value: appId, encoded: encodeURIComponent(appId), shown: `[appId-hidden-${appId.length}-chars]` } : undefined;
    last = { appId, hidden };
  }
  return last.hidden;
}

/** `text` with the hidden appId replaced wherever it occurs, as given or URL-encoded. */
export function hideAppId(text: string, hidden: HiddenAppId): string {
  let shown = text.includes(hidden.value) ? text.split(hidden.value).join(hidden.shown) : text;
  if (hidden.encoded !== hidden.value && shown.includes(hidden.encoded)) shown = shown.split(hidden.encoded).join(hidden.shown);
  return shown;
}

/** Refuses an appId that is the token itself, quoting neither. */
export function checkAppIdIsNotToken(appId: string | undefined, token: string, where: string): void {
  if (appId !== undefined && appId === token) {
    throw new ConfigError(`${where}: the appId is the token itself (were token and appId swapped?); no request was sent. Pass the application id as appId (Hathora's look like app-<uuid>) and the developer token as token`);
  }
}
