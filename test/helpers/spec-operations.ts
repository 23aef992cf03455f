import { expect, it } from "vitest";
import {
  ApiError,
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
  "503": ServerError,
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

/**
 * For each operation of a tag: the table of calls covers every operation of the tag in
 * openapi.yaml, and each declared error status, forced with Prism's `Prefer: code=...` header,
 * throws the matching ApiError subclass with its fields.
 */
export function declaredErrorSuite(
  tag: string,
  calls: Record<string, (headers: Record<string, string>) => Promise<unknown>>,
  baseUrl: () => string,
): void {
  it(`covers every ${tag} operation in openapi.yaml`, () => {
    expect(Object.keys(calls).sort()).toEqual(operationIdsTagged(tag).sort());
  });

  for (const [operationId, call] of Object.entries(calls)) {
    const { method, statuses } = declaredErrors(operationId);
    it.each(statuses)(`${operationId} %s throws the matching ApiError subclass`, async (status) => {
      const error = await call({ Prefer: `code=${status}` }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(CLASS_BY_STATUS[status]);
      expect(error).toBeInstanceOf(ApiError);
      const apiError = error as ApiError;
      expect(apiError.status).toBe(Number(status));
      expect(apiError.operationId).toBe(operationId);
      expect(apiError.method).toBe(method);
      expect(apiError.url.startsWith(baseUrl())).toBe(true);
      expect(apiError.body).toEqual({ message: expect.any(String) });
      expect(apiError.message).toContain(`${status} `);
      expect(apiError.message).toContain((apiError.body as { message: string }).message);
    });
  }
}
