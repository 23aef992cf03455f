// What every operation method returns: a Promise of the parsed body, as before, that can also
// give the whole outcome (`.withResponse()`). The outcome is unwrapped only when the promise is
// used as a promise, so a caller who uses just `.withResponse()` leaves no second promise to
// reject unhandled.

/** The outcome of a successful call, from `.withResponse()`. */
export interface OperationResponse<T> {
  /** The parsed body, as a plain `await` gives it (`undefined` for stop). */
  data: T;
  /** The response of the last attempt, its body already read. */
  response: Response;
  /** The server's request id (`x-request-id` or `request-id`), when it sent one. */
  requestId: string | undefined;
  /** How many attempts the call took, retries included. */
  attempts: number;
}

/** A Promise of an operation's result that also offers the response it came in. */
export interface OperationPromise<T> extends Promise<T> {
  /** The result with the last attempt's `Response`, the request id and the attempt count. */
  withResponse(): Promise<OperationResponse<T>>;
}

class LazyOperationPromise<T> extends Promise<T> implements OperationPromise<T> {
  // Promise's own methods (then, catch, finally) build plain Promises, not this class.
  static override get [Symbol.species](): PromiseConstructor {
    return Promise;
  }

  readonly #outcome: Promise<OperationResponse<T>>;
  #data: Promise<T> | undefined;

  constructor(outcome: Promise<OperationResponse<T>>) {
    super(pending);
    this.#outcome = outcome;
  }

  withResponse(): Promise<OperationResponse<T>> {
    return this.#outcome;
  }

  override then<R1 = T, R2 = never>(
    onFulfilled?: ((value: T) => R1 | PromiseLike<R1>) | null,
    onRejected?: ((reason: unknown) => R2 | PromiseLike<R2>) | null,
  ): Promise<R1 | R2> {
    this.#data ??= this.#outcome.then(dataOf);
    return this.#data.then(onFulfilled, onRejected);
  }

  override catch<R = never>(onRejected?: ((reason: unknown) => R | PromiseLike<R>) | null): Promise<T | R> {
    return this.then(undefined, onRejected);
  }

  override finally(onFinally?: (() => void) | null): Promise<T> {
    this.#data ??= this.#outcome.then(dataOf);
    return this.#data.finally(onFinally);
  }
}

function pending(): void {}

function dataOf<T>(outcome: OperationResponse<T>): T {
  return outcome.data;
}

/** Wraps a call's outcome as the promise its method returns. */
export function operationPromise<T>(outcome: Promise<OperationResponse<T>>): OperationPromise<T> {
  return new LazyOperationPromise(outcome);
}
