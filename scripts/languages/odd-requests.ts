// What each program must have sent to the odd server (case c), checked on the raw request
// lines the server recorded. `start`/`end` are compared as text: a client that formats them
// as 1.732320061e+09 or 1732320061.0 fails here even if a lenient server would accept it.
// The checks come in groups so that the harness can report a generator's known limitation
// (Rust's comma-joined arrays) as its own result instead of hiding it in the odd-server cell.
import { ODD, type RecordedRequest } from "./odd-server.js";

export const METRICS_QUERY = { start: "1732320061", end: "1732323661", step: "60" } as const;

/**
 * - `requests`: every operation arrived, with the token, `start`/`end` digit for digit and the
 *   single-valued parameters as sent.
 * - `multi-value filters`: `status`, `region` and `metrics` with two values each arrived as
 *   repeated keys (`explode: true`), the way Hathora reads them.
 * - `one value per filter`: a list call with one status and one region arrived as such (only
 *   asked of programs that make it: the workaround for the generators that join arrays).
 */
export type OddGroup = "requests" | "multi-value filters" | "one value per filter";

interface Expectation {
  what: string;
  method: string;
  path: string;
  /** Each key's values in order, as repeated keys (`explode: true`). */
  params?: Record<string, string[]>;
  /** Substrings the raw query must contain, digit for digit. */
  raw?: string[];
  /** Set for an expectation that belongs to one group as a whole. */
  group?: OddGroup;
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
  { what: "GetProcess of a missing process", method: "GET", path: `${v3}/${ODD.missingProcessId}` },
  {
    what: "GetLatestProcesses with one value per filter",
    method: "GET",
    path: `${v3}/latest`,
    params: { status: [ODD.status], region: [ODD.region] },
    group: "one value per filter",
  },
];

const matches = (query: URLSearchParams, params: Record<string, string[]>) =>
  Object.entries(params).every(([key, values]) => JSON.stringify(query.getAll(key)) === JSON.stringify(values));

/** Problems found in each asked-for group, one line each; an empty list is a pass. */
export function checkOddRequests(requests: RecordedRequest[], groups: readonly OddGroup[]): Map<OddGroup, string[]> {
  const problems = new Map<OddGroup, string[]>(groups.map((group) => [group, []]));
  const report = (group: OddGroup, problem: string) => problems.get(group)?.push(problem);
  for (const expected of expectations) {
    const whole = expected.group ?? "requests";
    if (!problems.has(whole)) continue;
    const candidates = requests.filter((r) => r.method === expected.method && r.path === expected.path);
    // A program may call one path twice (the one-value-per-filter call); judge the request
    // that matches, else the first. An expectation of its own group is met by a matching
    // request only: the other call to the same path says nothing about it.
    const matching = candidates.find((r) => matches(new URLSearchParams(r.query), expected.params ?? {}));
    const request = expected.group ? matching : (matching ?? candidates[0]);
    if (!request) {
      const seen = candidates.length ? candidates.map((r) => `?${r.query}`) : requests.map((r) => `${r.method} ${r.path}`);
      const wanted = expected.group ? ` with ${JSON.stringify(expected.params)}` : "";
      const problem = `${expected.what}: no ${expected.method} ${expected.path}${wanted} received (seen: ${seen.join(", ") || "none"})`;
      report(whole, problem);
      // Its multi-value parameters were not seen either: that group must not pass for want of a request.
      if (!expected.group && Object.values(expected.params ?? {}).some((values) => values.length > 1)) report("multi-value filters", problem);
      continue;
    }
    if (!request.authorized) report(whole, `${expected.what}: Authorization was not the bearer token`);
    const query = new URLSearchParams(request.query);
    for (const [key, values] of Object.entries(expected.params ?? {})) {
      if (matches(query, { [key]: values })) continue;
      const group = expected.group ?? (values.length > 1 ? "multi-value filters" : "requests");
      report(group, `${expected.what}: ${key} arrived as ${JSON.stringify(query.getAll(key))}, expected ${JSON.stringify(values)} (raw query: ${request.query})`);
    }
    for (const fragment of expected.raw ?? []) {
      if (!`&${request.query}&`.includes(`&${fragment}&`)) {
        report(whole, `${expected.what}: raw query ${JSON.stringify(request.query)} lacks ${fragment}`);
      }
    }
  }
  return problems;
}
