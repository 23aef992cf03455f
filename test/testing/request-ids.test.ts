// Issue 22, item 5: the fake answers with an `x-request-id`, seeded (the same seed gives the same
// ids, run after run), so `.withResponse().requestId` and `error.requestId` are set in tests, in
// process and over HTTP alike, on successes, refusals and injected failures.
import { describe, expect, it } from "vitest";
import { createHathoraClient, RateLimitError, UnauthorizedError } from "../../src/index.js";
import { createFakeHathora } from "../../src/testing/index.js";

describe("x-request-id", () => {
  it("is on every answer in process, and the same seed gives the same ids", async () => {
    const ids = async (seed: number) => {
      const fake = createFakeHathora({ seed });
      const hathora = createHathoraClient({ ...fake.clientOptions, logLevel: "off" });
      const created = await hathora.processesV3.createProcess({ region: "Tokyo" }).withResponse();
      fake.failNext("GetProcess", { status: 429, retryAfterSeconds: 1 }, 3);
      const limited = await hathora.processesV3.getProcess({ processId: created.data.processId }).catch((error: unknown) => error);
      const wrongToken = createHathoraClient({ ...fake.clientOptions, token: "not-the-token", logLevel: "off" });
      const refused = await wrongToken.processesV3.getLatestProcesses().catch((error: unknown) => error);
      expect(limited).toBeInstanceOf(RateLimitError);
      expect(refused).toBeInstanceOf(UnauthorizedError);
      return [created.requestId, (limited as RateLimitError).requestId, (refused as UnauthorizedError).requestId];
    };
    const first = await ids(7);
    for (const id of first) expect(id).toMatch(/^req-[0-9a-f-]{36}$/);
    expect(new Set(first).size).toBe(3);
    expect(await ids(7)).toEqual(first);
    expect(await ids(8)).not.toEqual(first);
  });

  it("is on every answer over HTTP too", async () => {
    const fake = createFakeHathora();
    const server = await fake.listen();
    try {
      const hathora = createHathoraClient({ token: fake.token, appId: fake.appId, baseUrl: server.url, logLevel: "off" });
      const { requestId } = await hathora.processesV3.getProcessesCountExperimental().withResponse();
      expect(requestId).toMatch(/^req-/);
      const missing = await fetch(`${server.url}/processes/v3/apps/${fake.appId}/processes/nope`, { headers: { authorization: `Bearer ${fake.token}` } });
      expect([missing.status, missing.headers.get("x-request-id")?.startsWith("req-")]).toEqual([404, true]);
    } finally {
      await server.close();
    }
  });
});
