// The in-process fake of hathora-processes/testing on every runtime: a 30 s boot, a 60 s
// Retry-After and a refused create on virtual time, and `listen` (served where node:http
// exists, a clear error elsewhere). Handed both entry points, like scenario.ts, so that it has
// no runtime import and bundles for workerd and browsers.
import type * as Hathora from "../../../src/index.js";
import type * as Testing from "../../../src/testing/index.js";
import type { Outcome } from "./scenario.js";

export const FAKE_STEPS = ["fake: boot 30 s (virtual)", "fake: 429, Retry-After 60 s", "fake: refused create retried", "fake: listen"] as const;

export async function runFakeScenario(hathora: typeof Hathora, testing: typeof Testing): Promise<Outcome[]> {
  const setup = () => {
    const fake = testing.createFakeHathora({ bootMs: 30_000 });
    return { fake, client: hathora.createHathoraClient({ ...fake.clientOptions, logLevel: "off" }) };
  };
  const outcomes: Outcome[] = [];
  const step = async (name: (typeof FAKE_STEPS)[number], body: () => Promise<{ ok: boolean; detail: string }>) => {
    const started = Date.now();
    try {
      const { ok, detail } = await body();
      outcomes.push({ name, ok, detail: `${detail} in ${Date.now() - started} ms` });
    } catch (error) {
      outcomes.push({ name, ok: false, detail: `${(error as Error)?.name}: ${(error as Error)?.message}`.slice(0, 300) });
    }
  };

  await step("fake: boot 30 s (virtual)", async () => {
    const { fake, client } = setup();
    const before = fake.clock.now();
    const ready = await client.processesV3.createProcessAndWait({ region: "Frankfurt" });
    const waited = fake.clock.now() - before;
    return { ok: ready.status === "running" && waited >= 30_000, detail: `${ready.status} after ${waited} virtual ms` };
  });
  await step("fake: 429, Retry-After 60 s", async () => {
    const { fake, client } = setup();
    fake.failNext("CreateProcess", { status: 429, retryAfterSeconds: 60 });
    const created = await client.processesV3.createProcess({ region: "Tokyo" });
    const statuses = fake.calls.map((call) => call.status).join(",");
    return { ok: created.status === "starting" && statuses === "429,201" && fake.clock.now() - fake.calls[0]!.at >= 60_000, detail: statuses };
  });
  await step("fake: refused create retried", async () => {
    const { fake, client } = setup();
    fake.failNext("*", { network: "refused" });
    await client.processesV3.createProcess({ region: "Tokyo" });
    const seen = fake.calls.map((call) => call.failure ?? call.status).join(",");
    return { ok: seen === "refused,201" && fake.processes().length === 1, detail: seen };
  });
  await step("fake: listen", async () => {
    const { fake } = setup();
    try {
      const server = await fake.listen();
      const client = hathora.createHathoraClient({ token: fake.token, appId: fake.appId, baseUrl: server.url, logLevel: "off" });
      const created = await client.processesV3.createProcess({ region: "Tokyo" });
      await server.close();
      return { ok: created.status === "starting", detail: "served over HTTP" };
    } catch (error) {
      const message = String((error as Error)?.message);
      return { ok: message.includes("fake.listen needs node:http"), detail: message.includes("node:http") ? "no node:http: clear error" : message };
    }
  });
  return outcomes;
}
