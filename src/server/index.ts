// hathora-processes/server: the Hathora Processes API (v2 and v3) served on your own machines,
// each process a Docker container. Not part of the main entry: a client bundle carries none of
// it, and its dependencies (dockerode, yaml) are optional peers that only the server loads.
export { createProcessesServer, type ProcessesServer, type ProcessesServerOptions } from "./create-server.js";
export { resolveConfig, type ServerConfig, type RegionConfig, type AppConfig, type ResolvedConfig, type ResolvedRegion, type ResolvedApp } from "./config.js";
export { loadConfigFile } from "./load-config.js";
export { ServerConfigError } from "./config-error.js";
export { MissingDependencyError } from "./optional-import.js";
