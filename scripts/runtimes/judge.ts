// Turns one runtime's outcomes into table cells: the client's own report, checked against what
// the fixture servers saw and against what the README promises for that runtime.
import type { FixtureServers } from "./fixture-servers.js";
import type { Runtime } from "./runtimes.js";
import { SCENARIO_STEPS, type Outcome, type StepName } from "./scenario/scenario.js";

export interface Cell {
  ok: boolean;
  /** "ok", or "ok 3" with the attempt count, or "FAIL". */
  text: string;
  /** Why it failed. */
  problem?: string;
}

export function judge(runtime: Runtime, runId: string, outcomes: Outcome[], servers: FixtureServers): Map<StepName, Cell> {
  const cells = new Map<StepName, Cell>();
  const count = (kind: string) => servers.seen(runId, kind).length;
  const withAuth = (kind: string) => servers.seen(runId, kind).filter((seen) => seen.authorization).length;
  const createAttempts = runtime.refusedIsRecognised ? 3 : 1;

  // Each entry: extra conditions on top of the client's own `ok`, and the attempt count shown.
  const rules: Partial<Record<StepName, (outcome: Outcome) => { problems: string[]; shown?: number | undefined }>> = {
    "time limit": (o) => ({ problems: [...expect("attempts", o.attempts, 2), ...expect("requests at the server", count("stall"), 2)], shown: count("stall") }),
    abort: () => ({ problems: expect("requests at the server", count("abort"), 1) }),
    "refused GET": (o) => ({ problems: expect("attempts", o.attempts, 3), shown: o.attempts }),
    "refused createProcess": (o) => ({
      problems: [...expect("attempts", o.attempts, createAttempts), ...expect("mayHaveReachedServer", o.mayHaveReachedServer, !runtime.refusedIsRecognised)],
      shown: o.attempts,
    }),
    // Where redirects are hidden, the client's first request of each client is sent twice.
    "same-origin redirect": () => ({
      problems: [
        ...expect("redirects served", count("redirect-same"), runtime.hidesRedirects ? 3 : 2),
        ...expect("token at the same-origin target", withAuth("final-same"), 2),
      ],
      shown: count("redirect-same"),
    }),
    "cross-origin redirect": () => ({
      problems: [
        ...expect("redirects served", count("redirect-cross"), runtime.hidesRedirects ? 2 : 1),
        ...expect("requests at the other origin", count("final-cross"), 1),
        ...expect("token at the other origin", withAuth("final-cross"), 0),
      ],
      shown: count("redirect-cross"),
    }),
    // Node, Bun and Deno have diagnostics_channel: the two calls publish start, end, asyncStart, asyncEnd each.
    "logs, events, traces": (o) => ({ problems: runtime.id === "workerd" || runtime.id === "chromium" ? [] : expect("trace events", o.published, 8), shown: o.published }),
    "503 then 200": () => ({ problems: expect("requests at the server", count("flaky"), 2), shown: count("flaky") }),
  };

  for (const step of SCENARIO_STEPS) {
    const outcome = outcomes.find((candidate) => candidate.name === step);
    if (outcome === undefined) {
      cells.set(step, { ok: false, text: "FAIL", problem: "no outcome reported" });
      continue;
    }
    const { problems, shown } = rules[step]?.(outcome) ?? { problems: [] };
    if (!outcome.ok) problems.unshift(outcome.detail);
    const ok = problems.length === 0;
    cells.set(step, ok ? { ok, text: shown === undefined ? "ok" : `ok ${shown}` } : { ok, text: "FAIL", problem: problems.join("; ") });
  }
  return cells;
}

function expect(what: string, actual: unknown, wanted: unknown): string[] {
  return actual === wanted ? [] : [`${what}: ${String(actual)}, expected ${String(wanted)}`];
}
