// The one error a bad server configuration gives: which key, and what is wrong with it.

/** A key path in the configuration: `["apps", "app-1", "image"]` reads `apps.app-1.image`. */
export type ConfigPath = ReadonlyArray<string | number>;

/** Renders a key path as users write it: `apps.app-1.image`, `tokens[0].env`. */
export function formatPath(path: ConfigPath): string {
  return path.reduce<string>((text, key) => (typeof key === "number" ? `${text}[${key}]` : text === "" ? key : `${text}.${key}`), "");
}

/** A configuration the server cannot start with; `key` names where (e.g. `apps.app-1.image`). */
export class ServerConfigError extends Error {
  override readonly name = "ServerConfigError";
  /** The key the error is about, as written in the file (empty for the whole file). */
  readonly key: string;

  constructor(path: ConfigPath, problem: string) {
    const key = formatPath(path);
    super(`config ${key === "" ? "file" : key}: ${problem}`);
    this.key = key;
  }
}
