export { HathoraError, isHathoraError } from "./hathora-error.js";
export { ConfigError } from "./config-error.js";
export {
  ApiError,
  UnauthorizedError,
  PaymentRequiredError,
  NotFoundError,
  RequestTimeoutError,
  UnprocessableEntityError,
  RateLimitError,
  ServerError,
  createApiError,
  type ApiErrorName,
} from "./api-error.js";
export { ConnectionError } from "./connection-error.js";
export { TimeoutError } from "./timeout-error.js";
export { ResponseError } from "./response-error.js";
export type { RequestInfo } from "./request-info.js";
export { ProcessEndedError } from "./process-ended-error.js";
export { ProcessNotReadyError } from "./process-not-ready-error.js";
