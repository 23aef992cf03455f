// Usage errors: exit 2, one line on stderr pointing to the help, nothing on stdout, and not a
// single request sent (the fake of this file must never see one). Also which of a flag and its
// variable wins.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFakeHathora, type FakeServer } from "../../src/testing/index.js";
import { binEnv, fakeEnv, runBin } from "./run-bin.js";

const fake = createFakeHathora({ startTime: Date.now() });
let server: FakeServer;

beforeAll(async () => {
  server = await fake.listen();
});
afterAll(async () => {
  await server.close();
  expect(fake.calls).toEqual([]);
});

// Each: the arguments, the environment's changes, and what stderr must say.
const CASES: Array<[string, string[], Record<string, string | undefined>, RegExp]> = [
  ["no command", [], {}, /a command is needed: ps, get, count/],
  ["an unknown command", ["list"], {}, /unknown command "list" \(see hathora-processes --help\)/],
  ["an unknown option, without its value", ["ps", "--tokn=secret-value"], {}, /^hathora-processes: unknown option --tokn \(see/],
  ["an option the command does not take", ["get", "abc", "--wait"], {}, /get does not take --wait/],
  ["a missing option value", ["ps", "--status"], {}, /Option '--status <value>' argument missing/],
  ["no token", ["ps"], { HATHORA_TOKEN: undefined }, /no token: set HATHORA_TOKEN \(or pass --token\)/],
  ["an empty token variable", ["ps"], { HATHORA_TOKEN: "" }, /no token/],
  ["no app id", ["count"], { HATHORA_APP_ID: undefined }, /no application id: set HATHORA_APP_ID \(or pass --app-id\)/],
  ["a base URL that is not one", ["ps", "--base-url", "ftp://nowhere"], {}, /the base URL \(--base-url or HATHORA_BASE_URL\) must be an absolute http\(s\) URL/],
  ["get without an id", ["get"], {}, /get needs a process id \(see hathora-processes get --help\)/],
  ["get with two ids", ["get", "a", "b"], {}, /get takes at most 1 argument/],
  ["ps with an argument", ["ps", "running"], {}, /ps takes no arguments/],
  ["create without a region", ["create", "--wait"], {}, /create needs a region/],
  ["a timeout that is not a duration", ["wait", "abc", "--timeout", "soon"], {}, /--timeout must be a duration such as 90s, 5m or 1h/],
  ["--timeout without --wait", ["create", "Seattle", "--timeout", "1m"], {}, /--timeout goes with --wait \(see hathora-processes create --help\)/],
  ["an empty --until", ["wait", "abc", "--until", ""], {}, /--until needs a status/],
  ["a step of 0", ["metrics", "abc", "--step", "0"], {}, /--step must be a whole number of at least 1/],
  ["a --since that is not a duration", ["metrics", "abc", "--since=-1h"], {}, /--since must be a duration/],
  ["metrics with --v2 (v3 only)", ["metrics", "abc", "--v2"], {}, /metrics does not take --v2/],
  ["stop without an id or --all", ["stop"], {}, /stop needs a process id \(or --all\)/],
  ["stop with ids and --all", ["stop", "a", "--all", "--yes"], {}, /give process ids or --all, not both/],
  ["stop --status without --all", ["stop", "a", "--status", "running"], {}, /--status and --region choose the processes of --all/],
  ["stop of several ids without --yes, not on a terminal", ["stop", "a", "b"], {}, /needs a confirmation, and this is not a terminal: pass --yes/],
  ["stop --all without --yes, not on a terminal", ["stop", "--all", "--status", "running"], {}, /needs a confirmation, and this is not a terminal: pass --yes/],
  ["help about a command that does not exist", ["help", "nope"], {}, /no command called "nope"/],
];

describe.concurrent("usage errors exit 2 and send nothing", () => {
  for (const [name, args, env, message] of CASES) {
    it(name, async () => {
      const result = await runBin(args, fakeEnv(server.url, env));
      expect(result.stderr).toMatch(message);
      expect(result.stderr).toMatch(/^hathora-processes: [^\n]*\n$/);
      expect({ code: result.code, stdout: result.stdout }).toEqual({ code: 2, stdout: "" });
      expect(fake.calls).toEqual([]);
    });
  }
});

describe.concurrent("configuration: a flag wins over its variable", () => {
  it("--app-id, --token and --base-url replace HATHORA_APP_ID, HATHORA_TOKEN and HATHORA_BASE_URL", async () => {
    // Variables that would fail (a wrong app, a wrong token, a server that is not there); flags that work.
    const other = createFakeHathora({ appId: "app-other", token: "other-token-123", startTime: Date.now() });
    other.addProcess({ region: "Dubai" });
    const otherServer = await other.listen();
    try {
      const env = binEnv({ HATHORA_TOKEN: "fake-hathora-token", HATHORA_APP_ID: "app-fake", HATHORA_BASE_URL: server.url });
      const result = await runBin(["count", "--app-id", "app-other", "--token", "other-token-123", "--base-url", otherServer.url], env);
      expect(result).toMatchObject({ code: 0, stdout: "1\n" });
      expect(other.calls.map((call) => call.path)).toEqual(["/processes/v3/apps/app-other/processes/count"]);
    } finally {
      await otherServer.close();
    }
  });
});
