// createFakeHathora({ rateLimit }): a token bucket per application, as an API gateway keeps one;
// a request beyond it gets the spec's 429 (ApiError body, Retry-After in whole seconds), and
// fake.calls records it.
import { describe, expect, it } from "vitest";
import { operationSpecs } from "../../src/generated/operations.js";
import { ConfigError } from "../../src/index.js";
import { createFakeHathora, type FakeHathora } from "../../src/testing/index.js";
import { openapi } from "../helpers/examples.js";
import { specValidator } from "../helpers/json-schema.js";

const validator = specValidator(true);
const get = (fake: FakeHathora, appId = fake.appId) =>
  fake.fetch(`${fake.clientOptions.baseUrl}/processes/v3/apps/${appId}/processes/latest`, { headers: { authorization: `Bearer ${fake.token}` } });
const burst = (fake: FakeHathora, count: number, appId?: string) => Promise.all(Array.from({ length: count }, () => get(fake, appId)));

describe("the fake's rate limit", () => {
  it("admits the burst, then answers 429 with Retry-After in whole seconds and the spec's ApiError body", async () => {
    const fake = createFakeHathora({ rateLimit: { perSecond: 10, burst: 10 } });
    const responses = await burst(fake, 15);
    expect(responses.map((response) => response.status)).toEqual([...Array(10).fill(200), ...Array(5).fill(429)]);
    const refused = responses[14] as Response;
    expect(refused.headers.get("retry-after")).toBe("1");
    expect(refused.headers.get("content-type")).toBe("application/json");
    const body: unknown = await refused.json();
    expect(validator.check(validator.ref("ApiError"), body)).toEqual([]);
    expect(body).toEqual({ message: "Rate limit exceeded: 10 requests per second (burst 10) for this application; retry after 1 s" });
    expect(fake.calls.map((call) => call.status)).toEqual([...Array(10).fill(200), ...Array(5).fill(429)]);
  });

  it("every operation of the spec declares the 429 it answers", () => {
    const declared = Object.values<Record<string, { operationId: string; responses: Record<string, unknown> }>>(openapi.paths).flatMap((item) =>
      Object.values(item).filter((operation) => operation.responses["429"] !== undefined).map((operation) => operation.operationId),
    );
    expect(declared.sort()).toEqual(Object.keys(operationSpecs).sort());
  });

  it("refills at perSecond on the virtual clock", async () => {
    const fake = createFakeHathora({ rateLimit: { perSecond: 10, burst: 10 }, autoAdvance: false });
    await burst(fake, 10);
    expect((await get(fake)).status).toBe(429);
    fake.clock.advance(500);
    const statuses = (await burst(fake, 6)).map((response) => response.status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
  });

  it("rounds the wait for the next token up to whole seconds", async () => {
    const fake = createFakeHathora({ rateLimit: { perSecond: 0.25 }, autoAdvance: false });
    expect((await get(fake)).status).toBe(200);
    const refused = await get(fake);
    expect([refused.status, refused.headers.get("retry-after")]).toEqual([429, "4"]);
    fake.clock.advance(3_500);
    expect((await get(fake)).headers.get("retry-after")).toBe("1");
  });

  it("keeps one bucket per application: another app's requests do not spend this one's", async () => {
    const fake = createFakeHathora({ rateLimit: { perSecond: 2, burst: 2 } });
    expect((await burst(fake, 3, "app-other")).map((response) => response.status)).toEqual([404, 404, 429]);
    expect((await burst(fake, 3)).map((response) => response.status)).toEqual([200, 200, 429]);
  });

  it("comes before an injected failure, which waits for the next admitted request", async () => {
    const fake = createFakeHathora({ rateLimit: { perSecond: 1, burst: 1 }, autoAdvance: false });
    fake.failNext("*", { status: 500 });
    expect((await burst(fake, 2)).map((response) => response.status)).toEqual([500, 429]);
    fake.failNext("*", { status: 503 });
    expect((await get(fake)).status).toBe(429);
    fake.clock.advance(1_000);
    expect((await get(fake)).status).toBe(503);
  });

  it("reset fills the buckets again", async () => {
    const fake = createFakeHathora({ rateLimit: { perSecond: 1, burst: 2 }, autoAdvance: false });
    expect((await burst(fake, 3)).map((response) => response.status)).toEqual([200, 200, 429]);
    fake.reset();
    expect((await burst(fake, 2)).map((response) => response.status)).toEqual([200, 200]);
  });

  it("limits over HTTP too (listen)", async () => {
    // One token per 10 s: the fourth request is refused however slow the machine.
    const fake = createFakeHathora({ rateLimit: { perSecond: 0.1, burst: 3 } });
    const server = await fake.listen();
    try {
      const statuses = [];
      for (let i = 0; i < 4; i++) {
        const response = await fetch(`${server.url}/processes/v3/apps/${fake.appId}/processes/latest`, { headers: { authorization: `Bearer ${fake.token}` } });
        statuses.push([response.status, response.headers.get("retry-after")]);
      }
      expect(statuses).toEqual([[200, null], [200, null], [200, null], [429, expect.stringMatching(/^(10|9)$/)]]);
    } finally {
      await server.close();
    }
  });

  it.each([
    [{ perSecond: 0 }, /rateLimit\.perSecond must be a finite number above 0, got 0/],
    [{ perSecond: Number.NaN }, /rateLimit\.perSecond must be a finite number above 0/],
    [{ perSecond: 5, burst: 0.5 }, /rateLimit\.burst must be a whole number, 1 or more, got 0.5/],
    [null, /rateLimit must be an object/],
  ])("rejects %j with a ConfigError", (rateLimit, message) => {
    expect(() => createFakeHathora({ rateLimit: rateLimit as never })).toThrow(ConfigError);
    expect(() => createFakeHathora({ rateLimit: rateLimit as never })).toThrow(message);
  });
});
