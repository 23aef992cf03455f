import {
  type ApiError,
  NotFoundError,
  PaymentRequiredError,
  RateLimitError,
  RequestTimeoutError,
  ServerError,
  UnauthorizedError,
  UnprocessableEntityError,
} from "../../src/index.js";
import { openapi } from "./examples.js";

export const CLASS_BY_STATUS: Record<string, typeof ApiError> = {
  "401": UnauthorizedError,
  "402": PaymentRequiredError,
  "404": NotFoundError,
  "408": RequestTimeoutError,
  "422": UnprocessableEntityError,
  "429": RateLimitError,
  "500": ServerError,
};

/** The method of an operation and the error statuses openapi.yaml declares for it. */
export function declaredErrors(operationId: string): { method: string; statuses: string[] } {
  for (const item of Object.values<Record<string, any>>(openapi.paths)) {
    for (const [method, operation] of Object.entries<any>(item)) {
      if (operation.operationId === operationId) {
        return { method: method.toUpperCase(), statuses: Object.keys(operation.responses).filter((status) => status >= "400") };
      }
    }
  }
  throw new Error(`openapi.yaml has no operation ${operationId}`);
}

/** The operationIds openapi.yaml lists under a tag, in order. */
export function operationIdsTagged(tag: string): string[] {
  return Object.values<Record<string, any>>(openapi.paths).flatMap((item) =>
    Object.values<any>(item)
      .filter((operation) => operation.tags?.includes(tag))
      .map((operation) => operation.operationId as string),
  );
}
