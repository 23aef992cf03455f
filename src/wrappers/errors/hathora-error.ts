// errors/: one class per way a call can fail, each under HathoraError (this file);
// build-request-error is the one place a request's error is built and the token taken out.
//
// Shared by every copy of this package in a process and by every realm, so that
// `isHathoraError` holds where `instanceof` cannot.
const BRAND = Symbol.for("hathora-processes.error");

/** Base class of everything the client throws, except the caller's own abort reason. */
export class HathoraError extends Error {
  /** The class of the error, readable also where `instanceof` is not (another realm or copy). */
  override name: string = "HathoraError";

  constructor(message: string, options?: { cause?: unknown }) {
    // An explicit `cause: undefined` would still become an own property; leave it out.
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
  }

  /** The fields a structured logger needs; `cause` is left out on purpose. */
  toJSON(): Record<string, unknown> {
    return { ...(this as object), name: this.name, message: this.message };
  }
}

Object.defineProperty(HathoraError.prototype, BRAND, { value: true });

/** True for any error this client threw, also from another realm or another copy of it. */
export function isHathoraError(value: unknown): value is HathoraError {
  return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
}
