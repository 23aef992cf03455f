// A service's usual `src/hathora.ts`: the client is created once, at module scope, when the
// module is first imported, before any test has installed an interceptor.
import { createHathoraClient } from "../../src/index.js";

/** The service's client: no `fetch` option, the default base URL (the real Hathora API). */
export const hathora = createHathoraClient({ token: "module-scope-token", appId: "app-module-scope", logLevel: "off", maxRetries: 0 });
