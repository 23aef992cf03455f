// The fake's processes and their lives, on the fake's clock: create gives `starting`, then
// `running` after bootMs; stop gives `stopping`, then `stopped` after stopMs; `setStatus` puts any
// status at once. Steps are stored with their due times and applied when the state is read, so
// no timer is needed for a process to move on (auto-advance only skips time for real waiters).
import type { ExposedPort, ProcessV3, Region } from "../../index.js";
import { randomUuid } from "../../service/random.js";

/** What a process looks like inside the fake: a ProcessV3 and what is still to come. */
interface StoredProcess {
  view: ProcessV3;
  /** Creation order, to keep "newest first" stable when two processes share a createdAt. */
  sequence: number;
  /** Changes still to come, each at its virtual time (Unix ms), in time order. */
  steps: Array<{ at: number; apply: (process: ProcessV3, at: string) => void }>;
}

/** A process to seed with `fake.addProcess`: region and status, and any field of ProcessV3. */
export type SeedProcess = Partial<ProcessV3> & { region: Region };

/** Timings and identity of the processes a store makes. */
export interface StoreSettings {
  appId: string;
  bootMs: number;
  stopMs: number;
  random: () => number;
  now: () => number;
  /** `exposedPort.host` of its processes. @default "1.proxy.hathora.dev" */
  host?: string | undefined;
  /** `exposedPort.transportType` of its processes. @default "tcp" */
  transportType?: string | undefined;
  /** `roomsPerProcess` of its processes. @default 1 */
  roomsPerProcess?: number | undefined;
}

const iso = (ms: number): string => new Date(ms).toISOString();

/** The in-memory process table of one app of the fake engine. */
export class ProcessStore {
  readonly #processes = new Map<string, StoredProcess>();
  #sequence = 0;
  #nextPort = 30_000;
  #settings: StoreSettings;
  /** Exit reasons for the next creates that crash while booting, in order. */
  #crashes: string[] = [];

  constructor(settings: StoreSettings) {
    this.#settings = settings;
  }

  /** Starts a process in `region`, as CreateProcess does: `starting` now, `running` after bootMs. */
  create(region: Region): ProcessV3 {
    const { bootMs, now } = this.#settings;
    const createdAt = now();
    const stored = this.#newProcess({ region, status: "starting", createdAt: iso(createdAt), scheduledAt: iso(createdAt) });
    // Download ends half way through the boot; the process binds its port at the end.
    stored.steps.push({ at: createdAt + Math.floor(bootMs / 2), apply: (process, at) => void (process.bootedAt = at) });
    const crash = this.#crashes.shift();
    stored.steps.push({
      at: createdAt + bootMs,
      apply: (process, at) => {
        if (crash === undefined) return this.#markRunning(process, at);
        process.status = "failed";
        process.terminatedAt = at;
        process.summaryExitReason = crash;
      },
    });
    this.#settle(stored);
    return structuredClone(stored.view);
  }

  /** The next `times` creates crash at the end of their boot: `failed` with this exit reason. */
  crashNextBoots(summaryExitReason: string, times: number): void {
    for (let i = 0; i < times; i++) this.#crashes.push(summaryExitReason);
  }

  /** Adds a process in a given state (default `running`), with every time stamp that state implies. */
  add(seed: SeedProcess): ProcessV3 {
    const at = iso(this.#settings.now());
    const stored = this.#newProcess({ status: "running", createdAt: at, scheduledAt: at, ...seed });
    const process = stored.view;
    const status = process.status;
    if (status !== "starting") {
      if (seed.bootedAt === undefined) process.bootedAt = process.createdAt;
      if (seed.startedAt === undefined) process.startedAt = process.createdAt;
      if (seed.exposedPort === undefined && (status === "running" || status === "draining")) process.exposedPort = this.#port();
    }
    if ((status === "stopping" || status === "stopped") && seed.stoppingAt === undefined) process.stoppingAt = at;
    if ((status === "stopped" || status === "failed") && seed.terminatedAt === undefined) process.terminatedAt = at;
    // A seeded process in a transitional status moves on like a created or stopped one.
    const now = this.#settings.now();
    if (status === "starting") stored.steps.push({ at: now + this.#settings.bootMs, apply: (p, when) => this.#markRunning(p, when) });
    if (status === "stopping") stored.steps.push({ at: now + this.#settings.stopMs, apply: (p, when) => this.#markStopped(p, when) });
    this.#settle(stored);
    return structuredClone(process);
  }

  /** The process as ProcessV3, or undefined when the fake holds no such process. */
  get(processId: string): ProcessV3 | undefined {
    const stored = this.#find(processId);
    return stored === undefined ? undefined : structuredClone(stored.view);
  }

  /** Every process, newest first. */
  all(): ProcessV3[] {
    return this.#sorted().map((stored) => structuredClone(stored.view));
  }

  /**
   * Stops a process as StopProcess does: `stopping` now, `stopped` after stopMs. A process that
   * already ended (stopping, stopped, failed) is left as it is; false when there is no such process.
   */
  stop(processId: string): boolean {
    const stored = this.#find(processId);
    if (stored === undefined) return false;
    const status = stored.view.status;
    if (status === "stopping" || status === "stopped" || status === "failed") return true;
    const now = this.#settings.now();
    stored.steps = [];
    stored.view.status = "stopping";
    stored.view.stoppingAt = iso(now);
    stored.steps.push({
      at: now + this.#settings.stopMs,
      apply: (process, at) => this.#markStopped(process, at),
    });
    this.#settle(stored);
    return true;
  }

  /**
   * Puts a process in `status` at once (any string: Hathora adds statuses), cancelling the steps
   * still to come, and applies `fields` over it. False when there is no such process.
   */
  setStatus(processId: string, status: string, fields: Partial<ProcessV3> = {}): boolean {
    const stored = this.#find(processId);
    if (stored === undefined) return false;
    const process = stored.view;
    const at = iso(this.#settings.now());
    stored.steps = [];
    process.status = status;
    if (status === "running" || status === "draining") this.#markRunning(process, at);
    if (status === "stopping" || status === "stopped") process.stoppingAt ??= at;
    if (status === "stopped" || status === "failed") process.terminatedAt ??= at;
    Object.assign(process, fields);
    return true;
  }

  /** Forgets every process. */
  clear(): void {
    this.#processes.clear();
    this.#crashes = [];
  }

  #newProcess(seed: Partial<ProcessV3> & { region: Region; status: string; createdAt: string }): StoredProcess {
    const { appId, random } = this.#settings;
    const view: ProcessV3 = {
      processId: randomUuid(random),
      appId,
      deploymentId: `dep-${randomUuid(random)}`,
      roomsAllocated: 0,
      roomsPerProcess: this.#settings.roomsPerProcess ?? 1,
      additionalExposedPorts: [],
      exposedPort: null,
      startedAt: null,
      bootedAt: null,
      scheduledAt: null,
      stoppingAt: null,
      terminatedAt: null,
      hosting: "cloud",
      ...seed,
    };
    const stored: StoredProcess = { view, sequence: this.#sequence++, steps: [] };
    this.#processes.set(view.processId, stored);
    return stored;
  }

  #markRunning(process: ProcessV3, at: string): void {
    process.status = "running";
    process.bootedAt ??= at;
    process.startedAt ??= at;
    process.exposedPort ??= this.#port();
  }

  #markStopped(process: ProcessV3, at: string): void {
    process.status = "stopped";
    process.terminatedAt = at;
    process.summaryExitReason ??= "Stopped";
  }

  #port(): ExposedPort {
    const { host = "1.proxy.hathora.dev", transportType = "tcp" } = this.#settings;
    return { host, name: "default", port: this.#nextPort++, transportType };
  }

  #find(processId: string): StoredProcess | undefined {
    const stored = this.#processes.get(processId);
    if (stored !== undefined) this.#settle(stored);
    return stored;
  }

  #sorted(): StoredProcess[] {
    const list = [...this.#processes.values()];
    for (const stored of list) this.#settle(stored);
    return list.sort((a, b) => Date.parse(b.view.createdAt) - Date.parse(a.view.createdAt) || b.sequence - a.sequence);
  }

  /** Applies the steps whose time has come. */
  #settle(stored: StoredProcess): void {
    const now = this.#settings.now();
    while (stored.steps[0] !== undefined && stored.steps[0].at <= now) {
      const step = stored.steps.shift();
      step?.apply(stored.view, iso(step.at));
    }
  }
}
