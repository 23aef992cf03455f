// One region's Docker Engine, through dockerode: our containers as records (labels, name, state),
// create, the name markers, signals, removal and stats. A failure to reach the host becomes
// RegionUnavailableError (the route layer's 503); an answer of Docker's stays an error of its own.
import type Docker from "dockerode";
import type { ContainerInspectInfo } from "dockerode";
import { RegionUnavailableError } from "../../service/engine.js";
import type { ResolvedRegion } from "../../server/config.js";
import { hasEnded, type ContainerRecord } from "./describe.js";
import type { DockerStats } from "./metrics-history.js";
import { LABEL, marker, parseName } from "./names.js";

/** What a new container is made of. */
export interface ContainerSpec {
  name: string;
  image: string;
  env: string[];
  labels: Record<string, string>;
  /** `7777/tcp` or `7777/udp`. */
  portKey: string;
}

/** A marker event for a container's name. */
export type MarkerEvent = Parameters<typeof marker>[0];

const isDockerAnswer = (error: unknown): boolean => typeof (error as { statusCode?: unknown })?.statusCode === "number";

/** One region's Docker host. */
export class RegionHost {
  readonly region: ResolvedRegion;
  readonly #docker: Docker;
  /** Inspections of ended containers, by id: they no longer change (but for removal). */
  readonly #ended = new Map<string, ContainerRecord>();
  /** Marker renames in flight, by container id, so that this server makes one at a time. */
  readonly #renames = new Map<string, Promise<unknown>>();

  constructor(region: ResolvedRegion, docker: Docker) {
    this.region = region;
    this.#docker = docker;
  }

  /** Runs a Docker call; a host that does not answer is RegionUnavailableError. */
  async #call<T>(what: string, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      if (isDockerAnswer(error)) throw error;
      const detail = error instanceof Error ? error.message : String(error);
      throw new RegionUnavailableError(this.region.name, `its Docker Engine (${this.region.docker}) did not answer ${what}: ${detail}`, { cause: error });
    }
  }

  /** Our containers in this region (of one app, or one process), each inspected. */
  async records(filter: { appId?: string; processId?: string } = {}): Promise<ContainerRecord[]> {
    const labels = [`${LABEL.region}=${this.region.name}`];
    if (filter.appId !== undefined) labels.push(`${LABEL.appId}=${filter.appId}`);
    if (filter.processId !== undefined) labels.push(`${LABEL.processId}=${filter.processId}`);
    const listed = await this.#call("a container list", () => this.#docker.listContainers({ all: true, filters: { label: labels } }));
    const records = await Promise.all(
      listed.map(async (info) => {
        const cached = this.#ended.get(info.Id);
        if (cached !== undefined && `/${cached.name.replace(/^\//, "")}` === (info.Names[0] ?? "")) return cached;
        return this.inspect(info.Id).catch((error: unknown) => {
          if ((error as { statusCode?: unknown }).statusCode === 404) return undefined; // removed meanwhile
          throw error;
        });
      }),
    );
    return records.filter((record): record is ContainerRecord => record !== undefined);
  }

  /** One container, inspected now. */
  async inspect(id: string): Promise<ContainerRecord> {
    const info = await this.#call("an inspect", () => this.#docker.getContainer(id).inspect());
    const record = toRecord(info);
    if (hasEnded(record)) this.#ended.set(id, record);
    return record;
  }

  /** Creates and starts a container; removes it again when it cannot start. */
  async create(spec: ContainerSpec): Promise<ContainerRecord> {
    const container = await this.#call("a create", () =>
      this.#docker.createContainer({
        name: spec.name,
        Image: spec.image,
        Env: spec.env,
        Labels: spec.labels,
        ExposedPorts: { [spec.portKey]: {} },
        HostConfig: { PortBindings: { [spec.portKey]: [{ HostIp: this.region.bindHost, HostPort: "" }] }, RestartPolicy: { Name: "no" } },
      }),
    );
    try {
      await this.#call("a start", () => container.start());
    } catch (error) {
      await container.remove({ force: true }).catch(() => undefined);
      throw error;
    }
    return this.inspect(container.id);
  }

  /**
   * Appends an event's marker to the container's name, unless one of its kind is there already.
   * Another server may rename at the same moment: the name is read again after each rename, and
   * the rename is repeated on the new name until the marker of this kind is in it.
   */
  async mark(id: string, event: MarkerEvent): Promise<ContainerRecord> {
    const previous = this.#renames.get(id) ?? Promise.resolve();
    const kind = "ready" in event ? "ready" : "stop" in event ? "stop" : "timeout";
    const next = previous.catch(() => undefined).then(async () => {
      for (let attempt = 0; ; attempt++) {
        const record = await this.inspect(id);
        if (parseName(record.name)?.[kind] !== undefined || attempt === 5) return record;
        await this.#call("a rename", () => this.#docker.getContainer(id).rename({ name: `${record.name.replace(/^\//, "")}${marker(event)}` }));
      }
    });
    this.#renames.set(id, next);
    try {
      return await next;
    } finally {
      if (this.#renames.get(id) === next) this.#renames.delete(id);
    }
  }

  /** Sends a signal; a container that is not running any more is not an error. */
  async signal(id: string, signal: "SIGTERM" | "SIGKILL"): Promise<void> {
    await this.#call("a kill", () => this.#docker.getContainer(id).kill({ signal })).catch((error: unknown) => {
      if ((error as { statusCode?: unknown }).statusCode !== 409 && (error as { statusCode?: unknown }).statusCode !== 404) throw error;
    });
  }

  /** Removes an ended container (retention is over). */
  async remove(id: string): Promise<void> {
    await this.#call("a remove", () => this.#docker.getContainer(id).remove({ force: true })).catch((error: unknown) => {
      if ((error as { statusCode?: unknown }).statusCode !== 404 && (error as { statusCode?: unknown }).statusCode !== 409) throw error;
    });
    this.#ended.delete(id);
  }

  /** One reading of Docker's stats, without waiting for a second one (`one-shot`). */
  stats(id: string): Promise<DockerStats> {
    return this.#call("a stats read", () => this.#docker.getContainer(id).stats({ stream: false, "one-shot": true } as { stream: false })) as Promise<DockerStats>;
  }
}

function toRecord(info: ContainerInspectInfo): ContainerRecord {
  const labels = info.Config.Labels ?? {};
  const portKey = `${labels[LABEL.containerPort] ?? ""}/${labels[LABEL.transportType] === "udp" ? "udp" : "tcp"}`;
  const bindings = (info.NetworkSettings.Ports as Record<string, Array<{ HostIp: string; HostPort: string }> | null> | undefined)?.[portKey] ?? [];
  const binding = bindings.find((entry) => !entry.HostIp.includes(":")) ?? bindings[0];
  const state = info.State as ContainerInspectInfo["State"] & { Health?: { Status?: string } };
  return {
    id: info.Id,
    name: info.Name,
    labels,
    status: state.Status,
    startedAt: state.StartedAt,
    finishedAt: state.FinishedAt,
    exitCode: state.ExitCode,
    oomKilled: state.OOMKilled,
    pid: state.Pid,
    health: state.Health?.Status,
    hostPort: binding === undefined ? undefined : Number(binding.HostPort),
  };
}
