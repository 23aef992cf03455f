// A configuration the server cannot run with fails at start, before anything listens, with a
// message naming the key: an unknown engine, an app without an image, a key written twice, a
// typo, a token variable that is not set. A literal token works, with a warning that never
// shows the token.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createProcessesServer, loadConfigFile, resolveConfig, ServerConfigError } from "../../src/server/index.js";

const base = { tokens: [{ env: "T" }], regions: { Seattle: { docker: "unix:///var/run/docker.sock" } }, apps: { "app-1": { image: "game:1", containerPort: 7777 } } };
const env = { T: "a-token" };
const dir = mkdtempSync(join(tmpdir(), "server-config-"));
const file = (name: string, text: string): string => {
  writeFileSync(join(dir, name), text);
  return join(dir, name);
};
const failure = (run: () => unknown): ServerConfigError => {
  try {
    run();
  } catch (error) {
    if (error instanceof ServerConfigError) return error;
    throw error;
  }
  throw new Error("no ServerConfigError");
};

describe("config errors name the key", () => {
  it.each([
    ["an unknown engine", { ...base, engine: "podman" }, "engine", 'must be "docker" or "fake", got "podman"'],
    ["an app without an image", { ...base, apps: { "app-1": { containerPort: 7777 } } }, "apps.app-1.image", "required"],
    ["a port out of range", { ...base, apps: { "app-1": { image: "g", containerPort: 70000 } } }, "apps.app-1.containerPort", "at most 65535"],
    ["a typo", { ...base, retentionSecond: 5 }, "retentionSecond", "unknown key"],
    ["an unknown transport", { ...base, apps: { "app-1": { image: "g", containerPort: 1, transportType: "quic" } } }, "apps.app-1.transportType", '"tcp", "udp" or "tls"'],
    ["a docker address that is neither unix nor tcp", { ...base, regions: { Seattle: { docker: "ssh://x" } } }, "regions.Seattle.docker", "unix:// or tcp://"],
    ["socket readiness on a remote host", { ...base, regions: { Seattle: { docker: "tcp://127.0.0.1:2375", readiness: "socket" } } }, "regions.Seattle.readiness", "unix://"],
    ["no tokens", { ...base, tokens: [] }, "tokens", "at least one token"],
    ["an env var the server sets itself", { ...base, apps: { "app-1": { image: "g", containerPort: 1, env: { HATHORA_REGION: "x" } } } }, "apps.app-1.env.HATHORA_REGION", "set by the server"],
  ])("%s", (_what, config, key, problem) => {
    const error = failure(() => resolveConfig(config, env));
    expect(error.key).toBe(key);
    expect(error.message).toBe(`config ${key}: ${error.message.slice(`config ${key}: `.length)}`);
    expect(error.message).toContain(problem);
  });

  it("a token variable that is not set names tokens[0].env and the variable", () => {
    const error = failure(() => resolveConfig(base, {}));
    expect(error.message).toBe("config tokens[0].env: the environment variable T is not set (or empty)");
  });

  it("a key written twice in YAML or JSON names the key (a duplicate port)", async () => {
    const yaml = file("twice.yaml", "listen: { host: 127.0.0.1, port: 7890, port: 7891 }\ntokens: [ { env: T } ]\n");
    await expect(loadConfigFile(yaml)).rejects.toThrow("config listen.port: appears twice in one mapping; write it once");
    const json = file("twice.json", '{"tokens":[{"env":"T"}],"apps":{"app-1":{"image":"g","containerPort":1,"containerPort":2}}}');
    await expect(loadConfigFile(json)).rejects.toThrow("config apps.app-1.containerPort: appears twice");
  });

  it("the issue's YAML shape loads and resolves with its defaults", async () => {
    const yaml = file(
      "hathora-server.yaml",
      [
        "listen: { host: 127.0.0.1, port: 7890 }",
        "tokens: [ { env: T } ]",
        "engine: docker",
        "regions:",
        "  Seattle:   { docker: unix:///var/run/docker.sock, publicHost: 127.0.0.1 }",
        "  Frankfurt: { docker: tcp://10.0.0.5:2376, publicHost: fra.example.net }",
        "apps:",
        "  app-af469a92-5b45-4565-b3c4-b79878de67d2:",
        "    image: my-game:1.4",
        "    containerPort: 7777",
        "    transportType: udp",
        "    roomsPerProcess: 4",
        "    env: { LOG_LEVEL: info }",
      ].join("\n"),
    );
    const resolved = resolveConfig(await loadConfigFile(yaml), env);
    expect(resolved.regions.map((region) => [region.name, region.readiness, region.publicHost])).toEqual([
      ["Seattle", "socket", "127.0.0.1"],
      ["Frankfurt", "healthcheck", "fra.example.net"],
    ]);
    expect(resolved.apps[0]).toMatchObject({ transportType: "udp", roomsPerProcess: 4, env: { LOG_LEVEL: "info" } });
    expect([resolved.bootTimeoutMs, resolved.stopGraceMs, resolved.tokens]).toEqual([100_000, 10_000, ["a-token"]]);
  });

  it("a literal token works with a warning that does not show it; nothing listens after a config error", async () => {
    const lines: string[] = [];
    const server = await createProcessesServer({ ...base, engine: "fake", listen: { port: 0 }, tokens: ["literal-secret-123"] }, { log: (line) => lines.push(line) });
    await server.close();
    expect(lines.join("\n")).toContain("tokens[0]: a literal token");
    expect(lines.join("\n")).not.toContain("literal-secret-123");
    await expect(createProcessesServer({ ...base, listen: { port: 0 }, engine: "kubernetes" } as never)).rejects.toBeInstanceOf(ServerConfigError);
  });
});
