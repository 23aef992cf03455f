// Issue 22, item 7: a create in a region Hathora does not have is refused as Hathora refuses it
// (the spec's 422 with an ApiError naming the known regions), not answered 201; the fake's
// `regions` option adds regions (Hathora adds them over time; the enum is open).
import { describe, expect, it } from "vitest";
import { createHathoraClient, UnprocessableEntityError } from "../../src/index.js";
import { createFakeHathora } from "../../src/testing/index.js";

describe("an unknown region on create", () => {
  it("is a 422 naming the known regions, v3 and v2, and nothing is created", async () => {
    const fake = createFakeHathora();
    const hathora = createHathoraClient({ ...fake.clientOptions, logLevel: "off" });
    for (const attempt of [() => hathora.processesV3.createProcess({ region: "Frankfort" }), () => hathora.processesV2.createProcess({ region: "Frankfort" })]) {
      const error = await attempt().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UnprocessableEntityError);
      expect((error as UnprocessableEntityError).message).toContain('Unknown region "Frankfort"');
      expect((error as UnprocessableEntityError).message).toContain("Frankfurt");
      expect((error as UnprocessableEntityError).message).toContain("Johannesburg");
    }
    expect(fake.calls.map((call) => call.status)).toEqual([422, 422]);
    expect(fake.processes()).toEqual([]);
  });

  it("is accepted once the fake is told of it", async () => {
    const fake = createFakeHathora({ regions: ["Atlantis_2031"] });
    const hathora = createHathoraClient({ ...fake.clientOptions, logLevel: "off" });
    const created = await hathora.processesV3.createProcess({ region: "Atlantis_2031" });
    expect(created.region).toBe("Atlantis_2031");
    const error = await hathora.processesV3.createProcess({ region: "Lemuria" }).catch((e: unknown) => e);
    expect((error as UnprocessableEntityError).message).toContain("Atlantis_2031");
  });
});
