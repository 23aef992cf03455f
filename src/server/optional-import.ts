// The server's two optional peer dependencies (dockerode for the Docker engine, yaml for YAML
// configs): `npm install hathora-processes` installs neither, so each is imported only where it
// is needed, and its absence is one clear line saying what to install.

/** A missing optional dependency: the message says what to install and why. */
export class MissingDependencyError extends Error {
  override readonly name = "MissingDependencyError";
}

const VERSIONS = { dockerode: "dockerode@5", yaml: "yaml@2" } as const;

/** Imports `name`, or throws a MissingDependencyError that says what needs it and what to install. */
export async function importOptional<T>(name: keyof typeof VERSIONS, neededFor: string): Promise<T> {
  try {
    // A specifier in a variable: bundlers and tsc leave the optional import alone.
    const specifier: string = name;
    return (await import(specifier)) as T;
  } catch (error) {
    if ((error as { code?: unknown }).code !== "ERR_MODULE_NOT_FOUND") throw error;
    throw new MissingDependencyError(`hathora-processes-server: ${neededFor} needs the optional package ${name}; install it: npm install ${VERSIONS[name]}`, { cause: error });
  }
}
