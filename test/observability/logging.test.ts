// The client's log: levels, HATHORA_LOG, the info line of each attempt, the debug line's
// allow-listed headers, and the token kept out of every line, against a real local server.
import { afterEach, describe, expect, it, vi } from "vitest";
import { ConnectionError, createHathoraClient, NotFoundError, type AttemptEvent } from "../../src/index.js";
import { json, refusedBaseUrl, useFaultServer } from "../helpers/fault-server.js";
import { faultClient, processV3, rejectionOf } from "../helpers/fixtures.js";
import { recordingLogger } from "../helpers/recording-logger.js";

const server = useFaultServer();
const SENTINEL = "tok-log-5b7e03aa";

/** 503 (with a request id) on the first request, then the process. */
const flaky = () =>
  server.route((_, res, hit) => (hit === 1 ? json(res, 503, { message: "busy" }, { "x-request-id": "req-1" }) : json(res, 200, processV3, { "x-request-id": "req-2" })));

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("levels", () => {
  it("logs nothing by default on success, retry or failure (the default level is warn)", async () => {
    const logger = recordingLogger();
    await faultClient(flaky(), { logger }).processesV3.getProcess({ processId: "p" });
    await rejectionOf(faultClient(server.route((_, res) => json(res, 404, { message: "no" })), { logger }).processesV3.getProcess({ processId: "p" }), NotFoundError);
    expect(logger.lines).toEqual([]);
  });

  it("info: one line per attempt with operation, route, status or error class, attempt n of m, request id and the retry", async () => {
    const logger = recordingLogger();
    await faultClient(flaky(), { logger, logLevel: "info" }).processesV3.getProcess({ processId: "p" });
    expect(logger.lines.map((line) => line.level)).toEqual(["info", "info"]);
    const [first, second] = logger.lines.map((line) => line.text);
    expect(first).toMatch(
      /^hathora-processes GetProcess GET \/processes\/v3\/apps\/\{appId\}\/processes\/\{processId\}: 503 ServerError in \d+ ms, attempt 1 of 3, request id req-1, retrying in \d+ ms$/,
    );
    expect(second).toMatch(/^hathora-processes GetProcess GET \/processes\/v3\/apps\/\{appId\}\/processes\/\{processId\}: 200 in \d+ ms, attempt 2 of 3, request id req-2$/);
  });

  it("info: a connection failure names its error class, with no status", async () => {
    const logger = recordingLogger();
    await rejectionOf(faultClient(await refusedBaseUrl(), { logger, logLevel: "info", maxRetries: 0 }).processesV3.getProcess({ processId: "p" }), ConnectionError);
    expect(logger.lines).toHaveLength(1);
    expect(logger.lines[0]?.text).toMatch(/: ConnectionError in \d+ ms, attempt 1 of 1$/);
  });

  it("debug: adds the URL and the headers, values only for headers known to be safe", async () => {
    const logger = recordingLogger();
    const base = server.route((_, res) => json(res, 200, processV3, { "x-request-id": "req-9", "set-cookie": "session=s3cr3t", "x-internal": "do-not-show" }));
    await faultClient(base, { logger, logLevel: "debug", token: SENTINEL, headers: { "x-api-key": "k3y-value" } }).processesV3.getProcess({ processId: "p-7" });
    const debug = logger.lines.filter((line) => line.level === "debug").map((line) => line.text);
    expect(debug).toHaveLength(1);
    const line = debug[0] ?? "";
    expect(line).toContain(`GET ${base}/processes/v3/apps/app-1/processes/p-7`);
    expect(line).toContain('"authorization":"[redacted]"');
    expect(line).toContain('"x-api-key":"[redacted]"');
    expect(line).toContain('"set-cookie":"[redacted]"');
    expect(line).toContain('"x-internal":"[redacted]"');
    expect(line).toContain('"x-request-id":"req-9"');
    expect(line).toContain('"content-type":"application/json"');
    for (const secret of [SENTINEL, "k3y-value", "s3cr3t", "do-not-show"]) expect(line).not.toContain(secret);
    expect(line).not.toContain(String(processV3.processId)); // the body is never logged
  });

  it("off: the logger is never called, not even for a failing hook", async () => {
    const logger = recordingLogger();
    const onAttempt = () => {
      throw new Error("hook bug");
    };
    await faultClient(flaky(), { logger, logLevel: "off", onAttempt }).processesV3.getProcess({ processId: "p" });
    expect(logger.lines).toEqual([]);
  });

  it("logs to console by default", async () => {
    const info = vi.spyOn(console, "info").mockImplementation(() => {});
    try {
      await faultClient(flaky(), { logLevel: "info" }).processesV3.getProcess({ processId: "p" });
      expect(info).toHaveBeenCalledTimes(2);
    } finally {
      info.mockRestore();
    }
  });
});

describe("HATHORA_LOG", () => {
  it("sets the level when the option is not given", async () => {
    vi.stubEnv("HATHORA_LOG", "info");
    const logger = recordingLogger();
    await faultClient(flaky(), { logger }).processesV3.getProcess({ processId: "p" });
    expect(logger.lines.map((line) => line.level)).toEqual(["info", "info"]);
  });

  it("is read when the client is created, in any case", async () => {
    vi.stubEnv("HATHORA_LOG", " DEBUG ");
    const logger = recordingLogger();
    const client = faultClient(server.route((_, res) => json(res, 200, processV3)), { logger });
    vi.stubEnv("HATHORA_LOG", "off");
    await client.processesV3.getProcess({ processId: "p" });
    expect(logger.lines.map((line) => line.level)).toEqual(["info", "debug"]);
  });

  it("loses to the logLevel option", async () => {
    vi.stubEnv("HATHORA_LOG", "debug");
    const logger = recordingLogger();
    await faultClient(flaky(), { logger, logLevel: "warn" }).processesV3.getProcess({ processId: "p" });
    expect(logger.lines).toEqual([]);
  });

  it("an unknown value is reported once at warn, and warn is used", async () => {
    vi.stubEnv("HATHORA_LOG", "verbose");
    const logger = recordingLogger();
    await faultClient(flaky(), { logger }).processesV3.getProcess({ processId: "p" });
    expect(logger.lines).toEqual([{ level: "warn", text: expect.stringContaining('HATHORA_LOG="verbose" is not one of off, error, warn, info, debug') }]);
  });
});

describe("observers observe", () => {
  it("a hook that throws is reported through the logger at warn, and the call succeeds", async () => {
    const logger = recordingLogger();
    const client = faultClient(flaky(), {
      logger,
      onAttempt: () => {
        throw new Error("observer bug");
      },
    });
    await expect(client.processesV3.getProcess({ processId: "p" })).resolves.toEqual(processV3);
    expect(logger.lines).toHaveLength(2);
    expect(logger.lines[0]).toEqual({ level: "warn", text: expect.stringContaining("the onAttempt hook threw on GetProcess attempt 1; the call goes on: Error: observer bug") });
  });

  it("a logger that throws at every level changes no outcome: success, retry and failure", async () => {
    const throwing = () => {
      throw new Error("logger bug");
    };
    const logger = { error: throwing, warn: throwing, info: throwing, debug: throwing };
    const events: AttemptEvent[] = [];
    await expect(faultClient(flaky(), { logger, logLevel: "debug", onAttempt: (event) => events.push(event) }).processesV3.getProcess({ processId: "p" })).resolves.toEqual(processV3);
    expect(events).toHaveLength(2); // the hook still ran after the logger threw
    const missing = server.route((_, res) => json(res, 404, { message: "no" }));
    await rejectionOf(faultClient(missing, { logger, logLevel: "debug" }).processesV3.getProcess({ processId: "p" }), NotFoundError);
  });
});

describe("the token is never logged", () => {
  it("appears in no line at debug: success, retried 503, 401, 404, refused connection, time limit, token function", async () => {
    const logger = recordingLogger();
    const options = { logger, logLevel: "debug" as const, token: SENTINEL, maxRetries: 1 };
    const echo = server.route((req, res) => json(res, 401, { message: `bad ${req.headers.authorization}` }, { "www-authenticate": String(req.headers.authorization) }));
    const stall = server.route(() => {});
    await faultClient(flaky(), options).processesV3.getProcess({ processId: "p" });
    await rejectionOf(faultClient(echo, options).processesV3.getProcess({ processId: "p" }));
    await rejectionOf(faultClient(server.route((_, res) => json(res, 404, { message: "no" })), options).processesV3.getProcess({ processId: "p" }));
    await rejectionOf(faultClient(await refusedBaseUrl(), options).processesV3.getProcess({ processId: "p" }));
    await rejectionOf(faultClient(stall, { ...options, timeoutMs: 50 }).processesV3.getProcess({ processId: "p" }));
    await faultClient(flaky(), { ...options, token: () => SENTINEL }).processesV3.getProcess({ processId: "p" });
    expect(logger.lines.filter((line) => line.level === "debug").length).toBeGreaterThanOrEqual(9);
    for (const line of logger.lines) expect(line.text).not.toContain(SENTINEL);
  });

  it("nor at debug from a client made with createHathoraClient directly", async () => {
    const logger = recordingLogger();
    await createHathoraClient({ token: SENTINEL, appId: "a", baseUrl: flaky(), logger, logLevel: "debug", retryBaseDelayMs: 1 }).processesV3.getProcess({ processId: "p" });
    expect(logger.lines.length).toBe(4);
    expect(logger.lines.map((line) => line.text).join("\n")).not.toContain(SENTINEL);
  });
});
