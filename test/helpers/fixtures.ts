import { createHathoraClient, type HathoraClientOptions } from "../../src/index.js";
import { schemaExample } from "./examples.js";

/** A valid ProcessV3, as the spec's example gives it. */
export const processV3 = schemaExample("ProcessV3") as Record<string, unknown>;

/** A client for the fault server: fast backoff so retry tests take milliseconds, not seconds. */
export function faultClient(baseUrl: string, options: Partial<HathoraClientOptions> = {}) {
  return createHathoraClient({ token: "fault-token", appId: "app-1", baseUrl, retryBaseDelayMs: 5, retryMaxDelayMs: 20, ...options });
}

/** The rejection of a promise that must reject, checked to be an instance of `ErrorClass` when given. */
export async function rejectionOf<E>(promise: Promise<unknown>, ErrorClass: abstract new (...args: never[]) => E): Promise<E>;
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown>;
export async function rejectionOf(promise: Promise<unknown>, ErrorClass?: abstract new (...args: never[]) => unknown): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    if (ErrorClass && !(error instanceof ErrorClass)) {
      throw new Error(`expected a ${ErrorClass.name}, got ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`, { cause: error });
    }
    return error;
  }
  throw new Error("expected the call to reject, but it resolved");
}
