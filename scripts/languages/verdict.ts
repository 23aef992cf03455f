// How one cell of the `npm run test:languages` table is judged. A known failure (declared in
// languages.ts) counts only when the cell fails in the declared way; any other fault, or a
// known failure that passes, is a failure, so that nothing is counted that did not happen.
import type { KnownFailure } from "./languages.js";

export interface Cell {
  ok: boolean;
  ms: number;
  output: string;
  /** What the odd server's check found, for the cells it judges. */
  problems?: string[];
}

export type Verdict = "pass" | "FAIL" | "known failure" | "FAIL: known failure passed";

/** The verdict on one cell; `undefined` is a cell that never ran (its build failed). */
export function verdict(known: KnownFailure | undefined, cell: Cell | undefined): Verdict {
  if (!cell) return "FAIL";
  if (!known) return cell.ok ? "pass" : "FAIL";
  if (cell.ok) return "FAIL: known failure passed";
  const problems = cell.problems ?? [];
  return problems.length > 0 && problems.every((problem) => known.problem.test(problem)) ? "known failure" : "FAIL";
}
