// A `fetch` for a client under test that validates every answer it receives against
// openapi.yaml (status declared for the operation, body valid), collecting the problems.
import type { FetchLike } from "../../src/index.js";
import { answerProblems } from "./declared-schema.js";

export interface CheckedFetch {
  fetch: FetchLike;
  /** Every problem seen so far; a test expects it empty. */
  problems: string[];
  /** `METHOD path status` of each answer, in order. */
  seen: string[];
}

/** Validates each answer against the status and body openapi.yaml declares for it. */
export function checkedFetch(): CheckedFetch {
  const problems: string[] = [];
  const seen: string[] = [];
  return {
    problems,
    seen,
    fetch: async (request) => {
      const response = await fetch(request);
      const path = new URL(request.url).pathname;
      const text = await response.clone().text();
      seen.push(`${request.method} ${path} ${response.status}`);
      if (response.headers.get("x-request-id") === null) problems.push(`${request.method} ${path}: no x-request-id`);
      problems.push(...answerProblems(request.method, path, response.status, text));
      return response;
    },
  };
}
