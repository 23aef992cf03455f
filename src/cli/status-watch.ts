// What a wait shows: each status a process passes through. The client's waitForProcess returns
// only the end, so the CLI gives the client a fetch that reads every process the API answers
// with and reports a changed status. The wait itself stays the client's (its polling, deadline,
// 404 grace and errors), not a second copy of it here.
import type { FetchLike } from "../index.js";
import type { AnyProcess } from "./format/process.js";

/** The client's fetch, and the processes whose status changes are reported. */
export interface StatusWatch {
  /** Pass as the client's `fetch`. While nothing is watched it only forwards. */
  fetch: FetchLike;
  /** Reports each later status of `processId` that differs from the last one (`seen` at first); returns a function that stops it. */
  watch(processId: string, seen: string | undefined, onChange: (process: AnyProcess) => void): () => void;
}

interface Watcher {
  last: string | undefined;
  onChange: (process: AnyProcess) => void;
}

const isProcess = (value: unknown): value is AnyProcess =>
  typeof value === "object" && value !== null && typeof (value as AnyProcess).processId === "string" && typeof (value as AnyProcess).status === "string";

export function createStatusWatch(): StatusWatch {
  const watchers = new Map<string, Watcher>();
  const fetch: FetchLike = async (request) => {
    const response = await globalThis.fetch(request);
    if (watchers.size === 0 || !response.ok || !response.headers.get("content-type")?.includes("json")) return response;
    try {
      // Read before the client does, so each change is shown before the wait returns.
      const body: unknown = await response.clone().json();
      const watcher = isProcess(body) ? watchers.get(body.processId) : undefined;
      if (watcher !== undefined && isProcess(body) && body.status !== watcher.last) {
        watcher.last = body.status;
        watcher.onChange(body);
      }
    } catch {
      // Watching only observes: a body it cannot read is the client's to judge.
    }
    return response;
  };
  return {
    fetch,
    watch(processId, seen, onChange) {
      watchers.set(processId, { last: seen, onChange });
      return () => void watchers.delete(processId);
    },
  };
}
