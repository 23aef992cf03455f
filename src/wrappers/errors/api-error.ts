import { describeRequest, RequestError, requestIdIn, type RequestErrorInit } from "./request-error.js";

/** The `name` of an ApiError: its class. */
export type ApiErrorName =
  | "ApiError"
  | "UnauthorizedError"
  | "PaymentRequiredError"
  | "NotFoundError"
  | "RequestTimeoutError"
  | "UnprocessableEntityError"
  | "RateLimitError"
  | "ServerError";

/** What an ApiError is built from. */
export interface ApiErrorInit extends RequestErrorInit {
  /** The HTTP status. */
  status: number;
  /** The status text, from the response or the standard one. */
  statusText: string;
  /** The parsed JSON body, the body text (cut to a sane length), or undefined when empty. */
  body: unknown;
  /** The response's headers, lower-case names. */
  headers: Record<string, string>;
  /** `Retry-After` in milliseconds, when the server sent one. */
  retryAfterMs: number | undefined;
}

/** The server answered with an error status (or a redirect that was not followed). */
export class ApiError extends RequestError {
  /** The class of the error, by status. */
  override name: ApiErrorName = "ApiError";
  /** The HTTP status. */
  readonly status: number;
  /** The parsed JSON body, the body text (cut to 2000 characters), or undefined when empty. */
  readonly body: unknown;
  /** The response's headers, lower-case names; values redacted where they carry the token. */
  readonly headers: Record<string, string>;
  /** The server's request id, from `x-request-id` or `request-id`, when it sent one. */
  readonly requestId: string | undefined;
  /** How long the server asked to wait (`Retry-After`), in milliseconds, when it said. */
  readonly retryAfterMs: number | undefined;

  constructor(init: ApiErrorInit) {
    const status = init.statusText ? `${init.status} ${init.statusText}` : String(init.status);
    super(init, `${status}: ${describeRequest(init)}: ${detail(init.body)}`);
    this.status = init.status;
    this.body = init.body;
    this.headers = init.headers;
    this.requestId = requestIdIn(init.headers);
    this.retryAfterMs = init.retryAfterMs;
  }
}

/** The server's own `message`, or a short account of what came back instead. */
function detail(body: unknown): string {
  if (body === undefined || body === "") return "empty response body";
  if (typeof body === "string") {
    const text = body.replace(/\s+/g, " ").trim();
    return `non-JSON response body: ${text.length > 120 ? `${text.slice(0, 120)}…` : text}`;
  }
  const message = (body as { message?: unknown } | null)?.message;
  return typeof message === "string" && message !== "" ? message : "JSON response body without a message";
}

/** 401: the token is missing, invalid, or not allowed to act on this application. */
export class UnauthorizedError extends ApiError {
  /** The class of the error. */
  override name = "UnauthorizedError" as const;
}
/** 402: the account's plan or billing does not allow this. */
export class PaymentRequiredError extends ApiError {
  /** The class of the error. */
  override name = "PaymentRequiredError" as const;
}
/** 404: the application or process does not exist. */
export class NotFoundError extends ApiError {
  /** The class of the error. */
  override name = "NotFoundError" as const;
}
/** 408: the server timed out handling the request. */
export class RequestTimeoutError extends ApiError {
  /** The class of the error. */
  override name = "RequestTimeoutError" as const;
}
/** 422: a parameter was rejected by the server. */
export class UnprocessableEntityError extends ApiError {
  /** The class of the error. */
  override name = "UnprocessableEntityError" as const;
}
/** 429: too many requests; `retryAfterMs` says how long to wait when the server said. */
export class RateLimitError extends ApiError {
  /** The class of the error. */
  override name = "RateLimitError" as const;
}
/** Any 5xx. */
export class ServerError extends ApiError {
  /** The class of the error. */
  override name = "ServerError" as const;
}

const BY_STATUS: Record<number, typeof ApiError> = {
  401: UnauthorizedError,
  402: PaymentRequiredError,
  404: NotFoundError,
  408: RequestTimeoutError,
  422: UnprocessableEntityError,
  429: RateLimitError,
};

/** The one place that maps an HTTP status to its error class. */
export function createApiError(init: ApiErrorInit): ApiError {
  const ErrorClass = BY_STATUS[init.status] ?? (init.status >= 500 && init.status <= 599 ? ServerError : ApiError);
  return new ErrorClass(init);
}
