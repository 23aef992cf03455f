// What each program must have sent to the odd server (case c), checked on the raw request
// lines the server recorded. `start`/`end` are compared as text: a client that formats them
// as 1.732320061e+09 or 1732320061.0 fails here even if a lenient server would accept it.
import { ODD, type RecordedRequest } from "./odd-server.js";

export const METRICS_QUERY = { start: "1732320061", end: "1732323661", step: "60" } as const;

interface Expectation {
  what: string;
  method: string;
  path: string;
  /** Each key's values in order, as repeated keys (`explode: true`). */
  params?: Record<string, string[]>;
  /** Substrings the raw query must contain, digit for digit. */
  raw?: string[];
}

const v3 = `/processes/v3/apps/${ODD.appId}/processes`;
const filters = { status: ["running", ODD.status], region: ["Seattle", ODD.region] };
const expectations: Expectation[] = [
  { what: "GetProcess", method: "GET", path: `${v3}/${ODD.processId}` },
  { what: "GetLatestProcesses", method: "GET", path: `${v3}/latest`, params: filters },
  { what: "GetProcessesCountExperimental", method: "GET", path: `${v3}/count`, params: filters },
  { what: "CreateProcess", method: "POST", path: `${v3}/regions/${ODD.region}` },
  { what: "StopProcess", method: "POST", path: `${v3}/${ODD.processId}/stop` },
  {
    what: "GetProcessMetrics",
    method: "GET",
    path: `${v3}/process/${ODD.processId}/metrics`,
    params: { metrics: ["cpu", "memory"], start: [METRICS_QUERY.start], end: [METRICS_QUERY.end], step: [METRICS_QUERY.step] },
    raw: [`start=${METRICS_QUERY.start}`, `end=${METRICS_QUERY.end}`],
  },
  { what: "GetProcessInfoV2Deprecated", method: "GET", path: `/processes/v2/${ODD.appId}/info/${ODD.processId}` },
];

/** Returns one line per problem; empty when every expected request arrived as expected. */
export function checkOddRequests(requests: RecordedRequest[]): string[] {
  const problems: string[] = [];
  for (const expected of expectations) {
    const request = requests.find((r) => r.method === expected.method && r.path === expected.path);
    if (!request) {
      const seen = requests.map((r) => `${r.method} ${r.path}`).join(", ") || "none";
      problems.push(`${expected.what}: no ${expected.method} ${expected.path} received (seen: ${seen})`);
      continue;
    }
    if (!request.authorized) problems.push(`${expected.what}: Authorization was not the bearer token`);
    const query = new URLSearchParams(request.query);
    for (const [key, values] of Object.entries(expected.params ?? {})) {
      const got = query.getAll(key);
      if (JSON.stringify(got) !== JSON.stringify(values)) {
        problems.push(`${expected.what}: ${key} arrived as ${JSON.stringify(got)}, expected ${JSON.stringify(values)} (raw query: ${request.query})`);
      }
    }
    for (const fragment of expected.raw ?? []) {
      if (!`&${request.query}&`.includes(`&${fragment}&`)) {
        problems.push(`${expected.what}: raw query ${JSON.stringify(request.query)} lacks ${fragment}`);
      }
    }
  }
  return problems;
}
