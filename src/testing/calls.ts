// What the fake records of each request: enough to assert on, never the token.
import type { OperationId } from "../index.js";

/** One request the fake received, in arrival order. */
export interface FakeCall {
  /** The operation the path and method matched; undefined for a path the API does not have. */
  operationId: OperationId | undefined;
  method: string;
  /** The path as sent, still percent-encoded. */
  path: string;
  /** Query parameters, each with its values in order (repeated keys give several). */
  query: Record<string, string[]>;
  /** The status answered; undefined when no answer arrived (a network failure or an abort). */
  status: number | undefined;
  /** Why no answer arrived, if none did. */
  failure?: "refused" | "lost-response" | "aborted";
  /** Virtual time (Unix ms) at which the request arrived. */
  at: number;
}
