import { HathoraError } from "./hathora-error.js";

/** An instant that more processes share than one page of `getLatestProcesses` holds. */
export interface CrowdedInstant {
  /** The `createdAt` they share, as the server wrote it. */
  createdAt: string;
  /** How many processes matching the filters the count endpoint gave for it, when it answered. */
  matching: number | undefined;
}

/**
 * `listProcesses` listed every process it could reach, but could not page past some: more
 * processes than one page (10) share one `createdAt`, or the server does not honour `before` as
 * an exclusive bound. Thrown once the iteration has yielded all the others, so a loop over it
 * has done its work on every reachable process first.
 */
export class ProcessListIncompleteError extends HathoraError {
  /** Always "ProcessListIncompleteError". */
  override name = "ProcessListIncompleteError" as const;
  /** Why: more than a page at one `createdAt`, or a server that ignores or rounds up `before`. */
  readonly reason: "crowded-instant" | "before-not-honoured";
  /** How many processes the iteration yielded. */
  readonly listed: number;
  /** The instants with more processes than a page (empty for "before-not-honoured"). */
  readonly crowdedInstants: CrowdedInstant[];

  constructor(init: { reason: ProcessListIncompleteError["reason"]; listed: number; crowdedInstants: CrowdedInstant[] }) {
    super(`listProcesses listed ${init.listed} processes but could not reach them all: ${explain(init)}`);
    this.reason = init.reason;
    this.listed = init.listed;
    this.crowdedInstants = init.crowdedInstants;
  }
}

function explain({ reason, crowdedInstants }: { reason: ProcessListIncompleteError["reason"]; crowdedInstants: CrowdedInstant[] }): string {
  if (reason === "before-not-honoured") {
    return "the server answered processes created at or after the `before` it was sent, so it does not honour `before` as an exclusive createdAt bound in Unix seconds with fractions; paging cannot go on without repeating or skipping";
  }
  const instants = crowdedInstants.map(({ createdAt, matching }) => `${matching === undefined ? "more than 10" : matching} at ${createdAt}`).join(", ");
  return `more processes share one createdAt than a page of 10 holds (${instants}); \`before\` cannot page within one instant, so only 10 of each were listed`;
}
