// Runs one operation: check the arguments and options, then attempt, and retry while the retry
// policy allows, waiting between attempts (the caller's signal cuts any wait short).
import { operationSpecs } from "../generated/operations.js";
import { attempt, type AttemptContext } from "./attempt.js";
import { checkArguments } from "./check-input.js";
import type { OperationId, OperationInput, OperationResult } from "./operation-types.js";
import { resolveCallOptions, type RequestSettings, type TokenSource } from "./options.js";
import { retryDelayMs } from "./retry-policy.js";
import { sleep } from "./sleep.js";
import { resolveToken } from "./token.js";

/** What every call of a client shares. */
export interface ClientContext extends AttemptContext {
  token: TokenSource;
  appId: string | undefined;
  settings: RequestSettings;
}

export type RunOperation = <Op extends OperationId>(operationId: Op, input: OperationInput<Op> | undefined) => Promise<OperationResult<Op>>;

export function createOperationRunner(client: ClientContext): RunOperation {
  return async function runOperation<Op extends OperationId>(operationId: Op, input: OperationInput<Op> | undefined) {
    const spec = operationSpecs[operationId];
    const { pathParams, query, given } = checkArguments(operationId, spec, input, client.appId);
    const { settings, signal, headers: callHeaders } = resolveCallOptions(given, client.settings, operationId);
    signal?.throwIfAborted();

    for (let attemptNumber = 1; ; attemptNumber++) {
      const token = typeof client.token === "string" ? client.token : await resolveToken(client.token);
      try {
        return (await attempt(client, {
          operationId,
          spec,
          pathParams,
          query,
          callHeaders,
          token,
          timeoutMs: settings.timeoutMs,
          signal,
          attempt: attemptNumber,
        })) as OperationResult<Op>;
      } catch (error) {
        const delay = retryDelayMs(error, attemptNumber, spec.idempotent, settings);
        if (delay === undefined) throw error;
        await sleep(delay, signal);
      }
    }
  };
}
