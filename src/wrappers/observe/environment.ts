// Reads an environment variable where the platform has an environment: Node and Bun
// (`process.env`), Deno (`Deno.env`, which throws without --allow-env). Browsers and workerd
// have neither. Never throws: no environment, or no permission to read it, is "not set".

type EnvironmentHost = {
  process?: { env?: Record<string, string | undefined> };
  Deno?: { env?: { get(name: string): string | undefined } };
};

/** The variable's value, or undefined when it is unset or cannot be read here. */
export function environmentVariable(name: string): string | undefined {
  const host = globalThis as EnvironmentHost;
  try {
    return host.Deno?.env?.get(name) ?? host.process?.env?.[name];
  } catch {
    return undefined; // Deno without --allow-env: treated as unset, as in a browser
  }
}
