// The judge of `npm run test:languages`' odd-server cell: what a generated client sent, sorted
// into groups so that a generator's known limitation (Rust's comma-joined arrays) is reported
// on its own and every other check still counts. Fed the raw request lines that real clients
// produce, and checked against the real odd server for the 404 every program asks for.
import { describe, expect, it } from "vitest";
import { checkOddRequests, METRICS_QUERY, type OddGroup } from "../../scripts/languages/odd-requests.js";
import { ODD, startOddServer, type RecordedRequest } from "../../scripts/languages/odd-server.js";
import { languages } from "../../scripts/languages/languages.js";
import { verdict } from "../../scripts/languages/verdict.js";

const v3 = `/processes/v3/apps/${ODD.appId}/processes`;
const ALL: OddGroup[] = ["requests", "multi-value filters", "one value per filter"];
const filters = (join: boolean) =>
  join ? "status=running%2Chibernating&region=Seattle%2CAtlantis" : "status=running&status=hibernating&region=Seattle&region=Atlantis";

/** What a program sends against the odd server; `join` is how Rust's generated client sends arrays. */
function programRequests({ join = false, start = METRICS_QUERY.start as string, oneValueCall = true } = {}): RecordedRequest[] {
  const get = (path: string, query = "") => ({ method: "GET", path, query, authorized: true });
  const post = (path: string) => ({ method: "POST", path, query: "", authorized: true });
  const metrics = join ? "metrics=cpu%2Cmemory" : "metrics=cpu&metrics=memory";
  return [
    get(`${v3}/${ODD.processId}`),
    get(`${v3}/latest`, filters(join)),
    ...(oneValueCall ? [get(`${v3}/latest`, `status=${ODD.status}&region=${ODD.region}`)] : []),
    get(`${v3}/count`, filters(join)),
    post(`${v3}/regions/${ODD.region}`),
    post(`${v3}/${ODD.processId}/stop`),
    get(`${v3}/process/${ODD.processId}/metrics`, `${metrics}&start=${start}&end=${METRICS_QUERY.end}&step=60`),
    get(`/processes/v2/${ODD.appId}/info/${ODD.processId}`),
    get(`${v3}/${ODD.missingProcessId}`),
  ];
}

describe("checkOddRequests", () => {
  it("passes every group for repeated keys, exact start/end, the token and the one-value call", () => {
    const problems = checkOddRequests(programRequests(), ALL);
    expect(Object.fromEntries(problems)).toEqual({ requests: [], "multi-value filters": [], "one value per filter": [] });
  });

  it("puts comma-joined arrays in the multi-value group only, one line per parameter", () => {
    const problems = checkOddRequests(programRequests({ join: true }), ALL);
    expect(problems.get("requests")).toEqual([]);
    expect(problems.get("one value per filter")).toEqual([]);
    const multi = problems.get("multi-value filters")!;
    expect(multi).toHaveLength(5); // status and region of list and count, metrics
    expect(multi[0]).toContain('status arrived as ["running,hibernating"]');
    expect(multi.join("\n")).toContain('metrics arrived as ["cpu,memory"]');
  });

  it("fails the requests group for start as 1.732320061e+09, a missing token or a missing 404 call", () => {
    const exponent = checkOddRequests(programRequests({ start: "1.732320061e+09" }), ["requests"]).get("requests")!;
    expect(exponent.some((problem) => problem.includes("lacks start=1732320061"))).toBe(true);

    const unauthorized = programRequests().map((request, index) => (index === 0 ? { ...request, authorized: false } : request));
    expect(checkOddRequests(unauthorized, ["requests"]).get("requests")).toEqual(["GetProcess: Authorization was not the bearer token"]);

    const no404 = programRequests().filter((request) => !request.path.endsWith(ODD.missingProcessId));
    expect(checkOddRequests(no404, ["requests"]).get("requests")![0]).toMatch(/^GetProcess of a missing process: no GET/);
  });

  it("fails the one-value group when that call is missing, and checks only the groups asked for", () => {
    const without = programRequests({ oneValueCall: false });
    const missing = checkOddRequests(without, ALL).get("one value per filter")!;
    expect(missing).toHaveLength(1);
    expect(missing[0]).toMatch(/^GetLatestProcesses with one value per filter: no GET .*\/latest with \{"status":\["hibernating"\],"region":\["Atlantis"\]\} received/);
    expect([...checkOddRequests(without, ["requests", "multi-value filters"]).keys()]).toEqual(["requests", "multi-value filters"]);
  });
});

describe("a known failure (Rust's multi-value filters)", () => {
  const rust = languages.find((language) => language.id === "rust")!.knownFailures!.multi!;
  const multiCell = (requests: RecordedRequest[]) => {
    const problems = checkOddRequests(requests, ALL).get("multi-value filters")!;
    return { ok: problems.length === 0, ms: 0, output: "", problems };
  };

  it("is a known failure for comma-joined arrays, and never a pass", () => {
    expect(verdict(rust, multiCell(programRequests({ join: true })))).toBe("known failure");
  });

  it("is a failure when the program sent nothing, or when the cell passes (the README would be wrong)", () => {
    const nothing = checkOddRequests([], ALL);
    expect(nothing.get("multi-value filters")).toHaveLength(3); // list, count, metrics: not seen at all
    expect(verdict(rust, multiCell([]))).toBe("FAIL");
    expect(verdict(rust, multiCell(programRequests()))).toBe("FAIL: known failure passed");
  });

  it("leaves every other cell as pass or FAIL", () => {
    expect(verdict(undefined, { ok: true, ms: 0, output: "" })).toBe("pass");
    expect(verdict(undefined, { ok: false, ms: 0, output: "" })).toBe("FAIL");
    expect(verdict(undefined, undefined)).toBe("FAIL");
  });
});

describe("the odd server", () => {
  it("answers GetProcess of the missing id with 404 and an ApiError body, and records the request", async () => {
    const server = await startOddServer("odd-token");
    try {
      const response = await fetch(`${server.url}${v3}/${ODD.missingProcessId}`, { headers: { authorization: "Bearer odd-token" } });
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({ message: "Process not found" });
      expect(server.takeRequests()).toEqual([{ method: "GET", path: `${v3}/${ODD.missingProcessId}`, query: "", authorized: true }]);
    } finally {
      await server.stop();
    }
  });
});
