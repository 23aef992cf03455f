// A 2xx whose body is not the JSON promised: the ResponseError keeps the server's request id,
// which the user needs for support, and the attempt's event and info log line show it.
import { describe, expect, it } from "vitest";
import { ResponseError, type AttemptEvent } from "../../src/index.js";
import { useFaultServer } from "../helpers/fault-server.js";
import { faultClient, rejectionOf } from "../helpers/fixtures.js";
import { recordingLogger } from "../helpers/recording-logger.js";

const server = useFaultServer();

describe("ResponseError and the request id", () => {
  it.each([
    ["x-request-id", "an HTML page", "text/html", "<html>maintenance</html>"],
    ["request-id", "broken JSON", "application/json", "{\"processId\":"],
  ])("from %s, for %s: on the error, the event and the log line", async (header, _, contentType, body) => {
    const base = server.route((_req, res) => res.writeHead(200, { "content-type": contentType, [header]: "req-broken-7" }).end(body));
    const events: AttemptEvent[] = [];
    const logger = recordingLogger();
    const client = faultClient(base, { logger, logLevel: "info", onAttempt: (event) => events.push(event) });
    const error = await rejectionOf(client.processesV3.getProcess({ processId: "p" }), ResponseError);
    expect(error.requestId).toBe("req-broken-7");
    expect(JSON.parse(JSON.stringify(error))).toMatchObject({ requestId: "req-broken-7" });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ errorType: "ResponseError", status: 200, requestId: "req-broken-7" });
    expect(logger.lines.map((line) => line.text)).toEqual([expect.stringMatching(/: 200 ResponseError in \d+ ms, attempt 1, not retried: a body that is not what the spec promises is not retried, request id req-broken-7$/)]);
  });

  it("none sent: requestId is undefined", async () => {
    const base = server.route((_req, res) => res.writeHead(200, { "content-type": "text/plain" }).end("ok"));
    const error = await rejectionOf(faultClient(base).processesV3.getProcess({ processId: "p" }), ResponseError);
    expect(error.requestId).toBeUndefined();
  });
});
