// The pager under listProcesses. GetLatestProcesses returns the 10 newest processes (Hathora's
// rule), newest first, created before an optional `before`. Hathora never documented `before`;
// the fake and the self-hosted server define it, and this pager relies on exactly that: an
// exclusive `createdAt` bound in Unix seconds, fractions honoured.
//
// Each page after the first asks for processes created before the oldest one seen plus a hair
// (EPSILON_MS): processes that share that instant with it, cut off the last page, come back on
// the next one, and the ones already yielded are dropped by id. So none is skipped and none
// yielded twice, also when several share a creation second or millisecond.
//
// When a whole page shares one instant, `before` cannot page within it. The pager asks the count
// endpoint how many match at that instant; if more than a page, it records the instant, steps
// past it, lists all the rest, and then throws ProcessListIncompleteError. A server that answers
// processes at or after `before` without the pager making progress is refused the same way.
import { ProcessListIncompleteError, type CrowdedInstant } from "../errors/process-list-incomplete-error.js";
import { HathoraError } from "../errors/hathora-error.js";

/** How many processes a page of GetLatestProcesses holds at most. */
export const PAGE_SIZE = 10;
// Above the rounding of a bound sent as decimal seconds and read back (about 5e-4 ms at today's
// Unix times), below any gap between two creations a server records.
const EPSILON_MS = 0.01;

/** A listed process: only what paging reads. */
interface Listed {
  processId: string;
  createdAt: string;
}

/** The two calls the pager makes; `before` in Unix seconds. */
export interface PageSource<P extends Listed> {
  page(before: number | undefined): Promise<P[]>;
  count(before: number): Promise<number>;
  signal: AbortSignal | undefined;
}

/** The processes of each page not yielded before, page by page, newest first. */
export async function* processPages<P extends Listed>(source: PageSource<P>): AsyncGenerator<P[], void, undefined> {
  const seen = new Set<string>();
  const crowded: CrowdedInstant[] = [];
  let bound: number | undefined; // Unix ms, exclusive
  for (;;) {
    source.signal?.throwIfAborted();
    const page = await source.page(bound === undefined ? undefined : bound / 1000);
    const fresh = page.filter((process) => !seen.has(process.processId));
    for (const process of fresh) seen.add(process.processId);
    if (fresh.length > 0) yield fresh;
    if (page.length < PAGE_SIZE) break;

    const oldest = page.reduce((found, process) => (createdAtMs(process) < createdAtMs(found) ? process : found));
    const oldestMs = createdAtMs(oldest);
    let next = oldestMs + EPSILON_MS;
    const asked = bound;
    if (asked !== undefined && next >= asked) {
      // The whole page is at the instant the last bound ended on: step past it.
      if (page.some((process) => createdAtMs(process) >= asked)) throw incomplete("before-not-honoured", seen, crowded);
      source.signal?.throwIfAborted();
      const matching = await countAt(source, oldestMs);
      if (matching === undefined || matching > PAGE_SIZE) crowded.push({ createdAt: oldest.createdAt, matching });
      next = oldestMs - EPSILON_MS;
    }
    bound = next;
  }
  if (crowded.length > 0) throw incomplete("crowded-instant", seen, crowded);
}

/** How many processes match at one instant, or undefined when the count endpoint fails. */
async function countAt(source: PageSource<Listed>, ms: number): Promise<number | undefined> {
  try {
    const [upTo, before] = await Promise.all([source.count((ms + EPSILON_MS) / 1000), source.count((ms - EPSILON_MS) / 1000)]);
    return upTo - before;
  } catch (error) {
    if (source.signal?.aborted) throw error;
    return undefined;
  }
}

function incomplete(reason: ProcessListIncompleteError["reason"], seen: Set<string>, crowded: CrowdedInstant[]): ProcessListIncompleteError {
  return new ProcessListIncompleteError({ reason, listed: seen.size, crowdedInstants: crowded });
}

/**
 * `createdAt` in Unix ms with every digit the server wrote: Date.parse keeps milliseconds only,
 * and a server with microseconds (Docker's timestamps have nanoseconds) would otherwise see two
 * processes in one millisecond as one instant.
 */
export function createdAtMs(process: Listed): number {
  const ms = Date.parse(process.createdAt);
  if (Number.isNaN(ms)) throw new HathoraError(`listProcesses: process ${process.processId} has no valid createdAt (${JSON.stringify(process.createdAt)}); cannot page past it`);
  const beyondMs = /\.\d{3}(\d+)/.exec(process.createdAt)?.[1];
  return beyondMs === undefined ? ms : ms + Number(`0.${beyondMs}`);
}
