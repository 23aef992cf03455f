// Hathora's enums are open: a region, status, hosting or transport it adds tomorrow is sent as
// given and comes back unchanged, through every method and helper of this client.
import { describe, expect, inject, it } from "vitest";
import { createHathoraClient, WaitTimeoutError, withDates, type ProcessV3 } from "../../src/index.js";
import { json, useFaultServer } from "../helpers/fault-server.js";
import { faultClient, processV3, rejectionOf } from "../helpers/fixtures.js";
import { recordingFetch } from "../helpers/recording-fetch.js";

/**
 * A process as Hathora might answer next year: values and properties this spec does not list.
 * It type-checks as a ProcessV3: the enums are open in the types too.
 */
const futurePort = { host: "1.proxy.hathora.dev", name: "default", port: 7777, transportType: "quic", weight: 3 };
const futureProcess: ProcessV3 & { carbonGramsPerHour: number } = {
  ...(processV3 as ProcessV3),
  region: "Atlantis_2031",
  status: "hibernating",
  hosting: "orbital",
  exposedPort: futurePort,
  additionalExposedPorts: [{ host: "1.proxy.hathora.dev", name: "debug", port: 7778, transportType: "webtransport" }],
  carbonGramsPerHour: 12.5,
};

const server = useFaultServer();

describe("unknown values in requests are sent, not refused", () => {
  it("createProcess sends an unlisted region in the path, and Prism's answer comes back", async () => {
    const recorder = recordingFetch();
    const client = createHathoraClient({ token: "t", appId: "app-1", baseUrl: inject("prismUrl"), fetch: recorder.fetch });
    const created = await client.processesV3.createProcess({ region: "Atlantis_2031" });
    expect(created.processId).toBeTypeOf("string");
    await client.processesV2.createProcess({ region: "Atlantis_2031" });
    expect(recorder.requests.map((request) => request.url.pathname)).toEqual([
      "/processes/v3/apps/app-1/processes/regions/Atlantis_2031",
      "/processes/v2/app-1/create/Atlantis_2031",
    ]);
  });

  it("filters and metric names carry unlisted values as repeated query keys", async () => {
    const recorder = recordingFetch();
    const client = createHathoraClient({ token: "t", appId: "app-1", baseUrl: inject("prismUrl"), fetch: recorder.fetch });
    await client.processesV3.getLatestProcesses({ region: ["Atlantis_2031", "Tokyo"], status: ["hibernating"] });
    await client.processesV3.getProcessMetrics({ processId: "p", metrics: ["diskIo", "cpu"] });
    expect(recorder.requests.map((request) => request.url.search)).toEqual([
      "?status=hibernating&region=Atlantis_2031&region=Tokyo",
      "?metrics=diskIo&metrics=cpu",
    ]);
  });
});

describe("unknown values in responses pass through unchanged", () => {
  it("getProcess and getLatestProcesses return the server's object as it came", async () => {
    const base = server.route((req, res) => json(res, 200, req.url?.includes("/latest") ? [futureProcess] : futureProcess));
    const { processesV3 } = faultClient(base);
    expect(await processesV3.getProcess({ processId: "p" })).toEqual(futureProcess);
    expect(await processesV3.getLatestProcesses({ status: ["hibernating"] })).toEqual([futureProcess]);
  });

  it("withDates converts the timestamps and keeps every other property", async () => {
    const dated = withDates(futureProcess);
    expect(dated.createdAt).toEqual(new Date(futureProcess.createdAt));
    expect(dated).toMatchObject({ status: "hibernating", region: "Atlantis_2031", hosting: "orbital", carbonGramsPerHour: 12.5 });
    expect(dated.exposedPort).toEqual(futureProcess.exposedPort);
  });

  it("waitForProcess treats an unknown status as not there yet, and its deadline error names it", async () => {
    const base = server.route((_, res) => json(res, 200, futureProcess));
    const error = await rejectionOf(
      faultClient(base).processesV3.waitForProcess({ processId: "p", waitTimeoutMs: 300, pollIntervalMs: 20, maxPollIntervalMs: 40 }),
      WaitTimeoutError,
    );
    expect(error.lastStatus).toBe("hibernating");
    expect(error.message).toContain('still "hibernating"');
    expect(server.seen(base).length).toBeGreaterThanOrEqual(3);
  });

  it("waitForProcess can wait for a status this spec does not list", async () => {
    const base = server.route((_, res, hit) => json(res, 200, { ...futureProcess, status: hit < 2 ? "starting" : "hibernating" }));
    const process = await faultClient(base).processesV3.waitForProcess({ processId: "p", until: "hibernating", pollIntervalMs: 20 });
    expect(process.status).toBe("hibernating");
  });
});
