// The fake as a `fetch`: no socket, no port. Network failures take the form undici gives them,
// so the client classifies them as it would in production: a refused connection is a TypeError
// whose cause has code ECONNREFUSED (never sent: safe to retry, even createProcess); a lost
// response is a TypeError whose cause has code ECONNRESET (may have arrived: no retry of a create).
import { exchange, type ExchangeContext } from "./exchange.js";

/** A `fetch` that answers from the fake in this process, honouring the request's AbortSignal. */
export function createInProcessFetch(fake: ExchangeContext): (input: string | URL | Request, init?: RequestInit) => Promise<Response> {
  return async (input, init) => {
    const request = new Request(input, init);
    fake.driver.busyStart();
    try {
      const outcome = await exchange(fake, request);
      if (outcome.kind === "answer") return outcome.response;
      const code = outcome.kind === "refused" ? "ECONNREFUSED" : "ECONNRESET";
      const host = new URL(request.url).host;
      const cause = Object.assign(new Error(outcome.kind === "refused" ? `connect ECONNREFUSED ${host}` : "read ECONNRESET"), { code });
      throw new TypeError("fetch failed", { cause });
    } finally {
      fake.driver.busyEnd();
    }
  };
}
