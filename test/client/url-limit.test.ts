// 5,000 filter values made a 1.5 MB URL, which the fake over HTTP answered with 431 and other
// servers with a reset: a URL over 8 kB is refused before anything is sent, saying why.
import { describe, expect, it } from "vitest";
import { ConfigError } from "../../src/index.js";
import { json, useFaultServer } from "../helpers/fault-server.js";
import { faultClient, rejectionOf } from "../helpers/fixtures.js";

const server = useFaultServer();
const values = (count: number, value: string) => Array.from({ length: count }, () => value);

describe("a request URL over 8 kB", () => {
  it("5,000 filter values: a ConfigError saying how many, and nothing sent", async () => {
    const base = server.route((_, res) => json(res, 200, []));
    const call = faultClient(base).processesV3.getLatestProcesses({ status: values(2_500, "running"), region: values(2_500, "Frankfurt") });
    const error = await rejectionOf(call, ConfigError);
    expect(error.message).toMatch(
      /^GetLatestProcesses: the request URL would be [\d,]+ characters, over the 8,192 \(8 kB\) that servers and proxies accept; it has 5,000 filter values \(status: 2,500, region: 2,500\): pass fewer, or split them over several calls; nothing was sent$/,
    );
    expect(server.seen(base)).toEqual([]);
  });

  it("the same for the count and the v2 list", async () => {
    const base = server.route((_, res) => json(res, 200, { count: 0 }));
    const client = faultClient(base);
    await expect(client.processesV3.getProcessesCountExperimental({ region: values(1_000, "Sao_Paulo") })).rejects.toThrow(/it has 1,000 filter values \(region: 1,000\)/);
    await expect(client.processesV2.getLatestProcesses({ status: values(1_000, "running") })).rejects.toThrow(/it has 1,000 filter values \(status: 1,000\)/);
    expect(server.seen(base)).toEqual([]);
  });

  it("a long path parameter says so without counting filters", async () => {
    const error = await rejectionOf(faultClient(server.origin).processesV3.getProcess({ processId: "p".repeat(9_000) }), ConfigError);
    expect(error.message).toMatch(/^GetProcess: the request URL would be [\d,]+ characters, over the 8,192 \(8 kB\) that servers and proxies accept; nothing was sent$/);
  });

  it("just under the limit is sent", async () => {
    const base = server.route((_, res) => json(res, 200, []));
    // "status=running&" is 15 characters: 500 values make a URL of about 7.6 kB.
    await expect(faultClient(base).processesV3.getLatestProcesses({ status: values(500, "running") })).resolves.toEqual([]);
    expect(server.seen(base)[0]?.url.length).toBeGreaterThan(7_000);
  });
});
