import { HathoraError } from "./hathora-error.js";

/** Bad client options or call arguments (a missing appId or token among them). Thrown before any request. */
export class ConfigError extends HathoraError {
  /** Always "ConfigError". */
  override name = "ConfigError" as const;
}
