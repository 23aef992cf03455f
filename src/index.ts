// The public surface of hathora-processes, listed explicitly.
export { createHathoraClient, type HathoraClient } from "./wrappers/client.js";
export type { HathoraClientOptions, CallOptions, FetchLike, TokenSource } from "./wrappers/options.js";
export type * from "./wrappers/processes-v2.js";
export type * from "./wrappers/processes-v3.js";
export type * from "./wrappers/types.js";
export * from "./wrappers/errors/index.js";
export { withDates, type WithDates, type DatedSchema } from "./wrappers/dates.js";
export type { WaitOptions, WaitForProcessOptions, CreateProcessAndWaitOptions } from "./wrappers/wait-for-process.js";
export type { paths, components, operations } from "./generated/schema.js";
