// Runs one operation: check the arguments, then attempt, and retry while the retry policy
// allows, waiting between attempts (the caller's signal cuts any wait short).
import type { Client } from "openapi-fetch";
import { operations } from "../generated/operations.js";
import type { paths } from "../generated/schema.js";
import { attempt } from "./attempt.js";
import { checkCall } from "./check-input.js";
import type { OperationId, OperationInput, OperationResult } from "./operation-types.js";
import type { RetrySettings, TokenSource } from "./options.js";
import type { Sender } from "./redirects.js";
import { retryDelayMs } from "./retry-policy.js";
import { sleep } from "./sleep.js";
import { resolveToken } from "./token.js";

export interface SendContext {
  client: Client<paths>;
  sender: Sender;
  token: TokenSource;
  appId: string | undefined;
  retry: RetrySettings;
}

export type Send = <Op extends OperationId>(operationId: Op, input: OperationInput<Op> | undefined) => Promise<OperationResult<Op>>;

export function createSend(context: SendContext): Send {
  return async function send<Op extends OperationId>(operationId: Op, input: OperationInput<Op> | undefined) {
    const op = operations[operationId];
    const { path, query, options } = checkCall(operationId, op, input, context.appId);
    const settings: RetrySettings = {
      ...context.retry,
      ...(options.maxRetries !== undefined && { maxRetries: options.maxRetries }),
      ...(options.timeoutMs !== undefined && { timeoutMs: options.timeoutMs }),
      ...(options.retryNonIdempotent !== undefined && { retryNonIdempotent: options.retryNonIdempotent }),
    };
    options.signal?.throwIfAborted();

    for (let attemptNumber = 1; ; attemptNumber++) {
      const result = await attempt(context.client, context.sender, {
        operationId,
        method: op.method,
        path: op.path,
        response: op.response,
        params: { path, query },
        headers: options.headers,
        token: typeof context.token === "string" ? context.token : await resolveToken(context.token),
        timeoutMs: settings.timeoutMs,
        signal: options.signal,
        attempt: attemptNumber,
      });
      if (result.ok) return result.value as OperationResult<Op>;
      const delay = retryDelayMs(result.error, attemptNumber, op.idempotent, settings);
      if (delay === undefined) throw result.error;
      await sleep(delay, options.signal);
    }
  };
}
