// What the request path needs of an operation, worked out once per operation instead of on
// every call: its path template split into literal parts and parameter names, and the names a
// call may give it (its parameters and the call options), for the misspelt-name check.
import { CALL_OPTION_NAMES } from "../options/call-options.js";
import type { OperationSpec } from "../operation-types.js";

/** An operation, compiled for the request path. */
export interface CompiledOperation {
  /** The literal parts of the path template around its parameters: one more than `pathNames`. */
  pathParts: readonly string[];
  /** The path parameters, in the template's order. */
  pathNames: readonly string[];
  /** Every name a call may give: the parameters (appId too) and the call options. */
  known: ReadonlySet<string>;
}

const compiled = new WeakMap<OperationSpec, CompiledOperation>();

/** The compiled form of `spec`, made on its first call. */
export function compiledOperation(spec: OperationSpec): CompiledOperation {
  let operation = compiled.get(spec);
  if (operation === undefined) {
    // "/a/{x}/b/{y}" splits into ["/a/", "x", "/b/", "y", ""]: literals at even places.
    const pieces = spec.path.split(/\{([^}]+)\}/);
    operation = {
      pathParts: pieces.filter((_, index) => index % 2 === 0),
      pathNames: pieces.filter((_, index) => index % 2 === 1),
      known: new Set([...spec.params.map((param) => param.name), ...CALL_OPTION_NAMES]),
    };
    compiled.set(spec, operation);
  }
  return operation;
}

/**
 * The path with each parameter percent-encoded in its place: what openapi-fetch's
 * `defaultPathSerializer` makes of a simple-style string parameter (test/client/url-template
 * holds the two to the same output), without scanning the template on every call.
 * Throws URIError for a lone surrogate, as encodeURIComponent does.
 */
export function fillPath({ pathParts, pathNames }: CompiledOperation, values: Readonly<Record<string, string>>): string {
  let path = pathParts[0] as string;
  for (let index = 0; index < pathNames.length; index++) {
    path += encodeURIComponent(values[pathNames[index] as string] as string) + (pathParts[index + 1] as string);
  }
  return path;
}
