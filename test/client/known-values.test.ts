// The open-enum guards at run time, and the wait's check of a known status in the wrong case.
import { describe, expect, it } from "vitest";
import { ConfigError, createHathoraClient, isKnownProcessStatus, isKnownRegion, knownValues, WaitTimeoutError } from "../../src/index.js";
import { createFakeHathora } from "../../src/testing/index.js";
import { rejectionOf } from "../helpers/fixtures.js";

describe("isKnownRegion and isKnownProcessStatus", () => {
  it("true for every listed value, false for a typo, another case or an unlisted value", () => {
    for (const region of knownValues.Region) expect(isKnownRegion(region)).toBe(true);
    for (const status of knownValues.ProcessStatus) expect(isKnownProcessStatus(status)).toBe(true);
    for (const region of ["Frankfort", "frankfurt", "Atlantis_2031", "", "Frankfurt "]) expect(isKnownRegion(region)).toBe(false);
    for (const status of ["Running", "RUNNING", "warming", "", "running\n"]) expect(isKnownProcessStatus(status)).toBe(false);
  });

  it("false for a non-string from untyped code, without throwing", () => {
    for (const value of [undefined, null, 7, ["Tokyo"], { region: "Tokyo" }]) {
      expect(isKnownRegion(value as unknown as string)).toBe(false);
      expect(isKnownProcessStatus(value as unknown as string)).toBe(false);
    }
  });
});

describe("waitForProcess and createProcessAndWait: a known status in the wrong case", () => {
  const setup = () => {
    const fake = createFakeHathora({ bootMs: 1_000 });
    return { fake, hathora: createHathoraClient({ ...fake.clientOptions, logLevel: "off" }) };
  };

  it.each([
    ["Running", "running"],
    ["STOPPED", "stopped"],
    ["Failed", "failed"],
  ])('until: %j is a ConfigError naming "%s", before any request', async (until, meant) => {
    const { fake, hathora } = setup();
    const process = fake.addProcess({ region: "Tokyo", status: "starting" });
    const error = await rejectionOf(hathora.processesV3.waitForProcess({ processId: process.processId, until }), ConfigError);
    expect(error.message).toBe(`waitForProcess: until must be "${meant}" (statuses are lower case), got ${JSON.stringify(until)}`);
    expect(fake.calls).toEqual([]);
  });

  it("createProcessAndWait refuses it before creating anything (v3 and v2)", async () => {
    const { fake, hathora } = setup();
    await expect(hathora.processesV3.createProcessAndWait({ region: "Tokyo", until: "Running" })).rejects.toThrow(/^createProcessAndWait: until must be "running"/);
    await expect(hathora.processesV2.createProcessAndWait({ region: "Tokyo", until: "Running" })).rejects.toThrow(ConfigError);
    expect(fake.calls).toEqual([]);
    expect(fake.processes()).toEqual([]);
  });

  it("an unlisted status still passes (the enum is open): the wait polls for it", async () => {
    const { fake, hathora } = setup();
    const process = fake.addProcess({ region: "Tokyo", status: "starting" });
    const waiting = hathora.processesV3.waitForProcess({ processId: process.processId, until: "warming", waitTimeoutMs: 30_000 });
    const error = await rejectionOf(waiting, WaitTimeoutError);
    expect(error.until).toBe("warming");
    expect(fake.calls.length).toBeGreaterThan(1);
  });
});
