// listProcesses against the fake (virtual clock): past the 10 of one page, ties at one creation
// instant, filters, the abort signal between pages, and servers that do not honour `before` as
// the fake defines it (an exclusive createdAt bound in Unix seconds, fractions honoured).
import { describe, expect, it } from "vitest";
import { ConfigError, createHathoraClient, ProcessListIncompleteError, type FetchLike, type HathoraClientOptions } from "../../src/index.js";
import { createFakeHathora, type FakeHathora } from "../../src/testing/index.js";
import { rejectionOf } from "../helpers/fixtures.js";

function setup(options: Partial<HathoraClientOptions> = {}) {
  const fake = createFakeHathora();
  const hathora = createHathoraClient({ ...fake.clientOptions, logLevel: "off", ...options });
  return { fake, hathora };
}

/** Seeds `count` running processes, `apartMs` apart on the fake's clock; returns their ids, oldest first. */
function seed(fake: FakeHathora, count: number, apartMs: number, fields: { region?: string; status?: string } = {}): string[] {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    if (i > 0 && apartMs > 0) fake.clock.advance(apartMs);
    ids.push(fake.addProcess({ region: fields.region ?? "Tokyo", status: fields.status ?? "running" }).processId);
  }
  return ids;
}

async function all<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

const latestCalls = (fake: FakeHathora) => fake.calls.filter((call) => call.operationId === "GetLatestProcesses");

describe("listProcesses (v3)", () => {
  it("25 processes created 100 ms apart: all 25, newest first, none twice (getLatestProcesses gives 10)", async () => {
    const { fake, hathora } = setup();
    const ids = seed(fake, 25, 100);
    expect(await hathora.processesV3.getLatestProcesses()).toHaveLength(10);
    const listed = await all(hathora.processesV3.listProcesses());
    expect(listed.map((process) => process.processId)).toEqual([...ids].reverse());
    // Pages of 10; each page after the first asks from the previous one's oldest process on.
    expect(latestCalls(fake).map((call) => call.query.before?.[0])).toEqual([undefined, undefined, expect.stringMatching(/^1767225601\.50001/), expect.stringMatching(/^1767225600\.60001/)]);
  });

  it.each([
    ["3 at each millisecond", 3, 1],
    ["4 at each second", 4, 1_000],
    ["9 at each millisecond", 9, 1],
  ])("ties cut by the page boundary (%s): none skipped, none twice", async (_, perInstant, apartMs) => {
    const { fake, hathora } = setup();
    const ids: string[] = [];
    for (let instant = 0; instant < 8; instant++) {
      ids.push(...seed(fake, perInstant, 0));
      fake.clock.advance(apartMs);
    }
    const listed = (await all(hathora.processesV3.listProcesses())).map((process) => process.processId);
    expect(new Set(listed).size).toBe(listed.length);
    expect([...listed].sort()).toEqual([...ids].sort());
  });

  it("exactly 10 at one instant, more before and after: all, no error (the count endpoint confirms 10)", async () => {
    const { fake, hathora } = setup();
    const ids = [...seed(fake, 5, 100), ...(fake.clock.advance(100), seed(fake, 10, 0)), ...(fake.clock.advance(100), seed(fake, 5, 100))];
    const listed = await all(hathora.processesV3.listProcesses());
    expect(listed.map((process) => process.processId).sort()).toEqual([...ids].sort());
  });

  it("12 at one instant: every other process, 10 of the 12, then ProcessListIncompleteError saying so", async () => {
    const { fake, hathora } = setup();
    const older = seed(fake, 4, 100);
    fake.clock.advance(100);
    const crowded = seed(fake, 12, 0);
    fake.clock.advance(100);
    const newer = seed(fake, 6, 100);
    const listed: string[] = [];
    const error = await rejectionOf(
      (async () => {
        for await (const process of hathora.processesV3.listProcesses()) listed.push(process.processId);
      })(),
      ProcessListIncompleteError,
    );
    expect(listed).toEqual(expect.arrayContaining([...older, ...newer]));
    expect(listed.filter((id) => crowded.includes(id))).toHaveLength(10);
    expect(new Set(listed).size).toBe(listed.length);
    expect(error).toMatchObject({ reason: "crowded-instant", listed: 20, crowdedInstants: [{ createdAt: "2026-01-01T00:00:00.400Z", matching: 12 }] });
    expect(error.message).toBe(
      "listProcesses listed 20 processes but could not reach them all: more processes share one createdAt than a page of 10 holds (12 at 2026-01-01T00:00:00.400Z); `before` cannot page within one instant, so only 10 of each were listed",
    );
  });

  it("filters by status and region, and passes call options to every page", async () => {
    const { fake, hathora } = setup();
    const tokyo = seed(fake, 14, 50, { region: "Tokyo" });
    seed(fake, 5, 50, { region: "Dubai" });
    seed(fake, 3, 50, { region: "Tokyo", status: "stopped" });
    const listed = await all(hathora.processesV3.listProcesses({ region: ["Tokyo"], status: ["running"], headers: { "x-team": "ops" } }));
    expect(listed.map((process) => process.processId)).toEqual([...tokyo].reverse());
    for (const call of latestCalls(fake)) expect(call.query).toMatchObject({ region: ["Tokyo"], status: ["running"] });
  });

  it("an abort between pages stops it with the signal's reason; no further request", async () => {
    const { fake, hathora } = setup();
    seed(fake, 25, 100);
    const controller = new AbortController();
    const seen: string[] = [];
    const error = await rejectionOf(
      (async () => {
        for await (const process of hathora.processesV3.listProcesses({ signal: controller.signal })) {
          seen.push(process.processId);
          if (seen.length === 10) controller.abort(new Error("shutting down"));
        }
      })(),
    );
    expect(error).toEqual(new Error("shutting down"));
    expect(seen).toHaveLength(10);
    expect(latestCalls(fake)).toHaveLength(1);
  });

  it("stopping the loop early sends no further request", async () => {
    const { fake, hathora } = setup();
    seed(fake, 25, 100);
    for await (const _ of hathora.processesV3.listProcesses()) break;
    expect(latestCalls(fake)).toHaveLength(1);
  });

  it("before, or a misspelt option, is a ConfigError before any request", async () => {
    const { fake, hathora } = setup();
    const unchecked = hathora.processesV3.listProcesses as (options: unknown) => AsyncIterable<unknown>;
    await expect(all(unchecked({ before: 1 }))).rejects.toThrow(/^listProcesses: before is not an option/);
    await expect(all(unchecked({ regions: ["Tokyo"] }))).rejects.toThrow(/^listProcesses: unknown option "regions"; known options: status, region, appId/);
    await expect(all(unchecked("Tokyo"))).rejects.toThrow(ConfigError);
    expect(fake.calls).toEqual([]);
  });
});

describe("servers that do not read `before` as the fake does", () => {
  /** The fake behind a server that reads `before` its own way: rounded, or (undefined) not at all. */
  const rounding = (fake: FakeHathora, round: (seconds: number) => number | undefined): FetchLike => async (request) => {
    const url = new URL(request.url);
    const before = url.searchParams.get("before");
    const read = before === null ? undefined : round(Number(before));
    if (read === undefined) url.searchParams.delete("before");
    else url.searchParams.set("before", String(read));
    return fake.fetch(new Request(url, request));
  };

  it("one that ignores it: ProcessListIncompleteError after the first page, no endless loop", async () => {
    const { fake } = setup();
    seed(fake, 25, 100);
    const hathora = createHathoraClient({ ...fake.clientOptions, logLevel: "off", fetch: rounding(fake, () => undefined) });
    const listed: string[] = [];
    const error = await rejectionOf((async () => {
      for await (const process of hathora.processesV3.listProcesses()) listed.push(process.processId);
    })(), ProcessListIncompleteError);
    expect(error.reason).toBe("before-not-honoured");
    expect(listed).toHaveLength(10);
  });

  it("one that rounds up to whole seconds: ProcessListIncompleteError, never a silent loss", async () => {
    const { fake } = setup();
    seed(fake, 25, 100);
    const hathora = createHathoraClient({ ...fake.clientOptions, logLevel: "off", fetch: rounding(fake, Math.ceil) });
    const error = await rejectionOf(all(hathora.processesV3.listProcesses()), ProcessListIncompleteError);
    expect(error).toMatchObject({ reason: "before-not-honoured", listed: 15 });
  });

  it("one that rounds down to whole seconds: what the docs say, the processes of a page's last second older than its oldest are missed", async () => {
    const { fake } = setup();
    const ids = seed(fake, 25, 100);
    const hathora = createHathoraClient({ ...fake.clientOptions, logLevel: "off", fetch: rounding(fake, Math.floor) });
    const listed = (await all(hathora.processesV3.listProcesses())).map((process) => process.processId);
    // Page 1 ends at 1.5 s; "before 1.50001" read as "before 1" skips 1.0 to 1.4.
    expect(listed).toEqual([...ids.slice(15).reverse(), ...ids.slice(0, 10).reverse()]);
  });
});

describe("listProcesses (v2)", () => {
  it("up to a page: the one v2 request", async () => {
    const { fake, hathora } = setup();
    const ids = seed(fake, 7, 100);
    const listed = await all(hathora.processesV2.listProcesses());
    expect(listed.map((process) => process.processId)).toEqual([...ids].reverse());
    expect(typeof listed[0]?.deploymentId).toBe("number");
    expect(fake.calls.map((call) => call.operationId)).toEqual(["GetLatestProcessesV2Deprecated"]);
  });

  it("25 processes: all 25 as v2 processes, none twice; past the first 10, one v2 read per process", async () => {
    const { fake, hathora } = setup();
    const ids = seed(fake, 25, 100);
    const listed = await all(hathora.processesV2.listProcesses({ status: ["running"] }));
    expect(listed.map((process) => process.processId)).toEqual([...ids].reverse());
    for (const process of listed) expect(typeof process.deploymentId).toBe("number");
    expect(fake.calls.filter((call) => call.operationId === "GetProcessInfoV2Deprecated")).toHaveLength(15);
  });
});
