// What Docker holds for us, so that no file of ours does: labels written once at create (who the
// process is), and the container's name, which Docker lets us change, for what happens later.
// The name is `hp-<processId>` followed by one marker per event, each with its Unix ms:
//   .r<ms>-<port>  the game bound its port (`running`; the published host port kept for after exit)
//   .s<ms>         StopProcess was asked (`stopping`, then `stopped` once it exits)
//   .t<ms>         it did not bind within the boot timeout and was killed (`failed`)
// A rename is atomic in Docker and survives a crash of the server or of dockerd, so a stop asked
// just before the server died is still known after it restarts.

/** The labels of every container this server creates. */
export const LABEL = {
  processId: "hathora-processes.process-id",
  appId: "hathora-processes.app-id",
  region: "hathora-processes.region",
  deploymentId: "hathora-processes.deployment-id",
  createdAt: "hathora-processes.created-at",
  containerPort: "hathora-processes.container-port",
  transportType: "hathora-processes.transport-type",
  publicHost: "hathora-processes.public-host",
  roomsPerProcess: "hathora-processes.rooms-per-process",
  bootTimeoutMs: "hathora-processes.boot-timeout-ms",
  stopGraceMs: "hathora-processes.stop-grace-ms",
  retentionMs: "hathora-processes.retention-ms",
} as const;

/** The events a container's name records. */
export interface NameMarkers {
  processId: string;
  /** When the game bound its port, and the host port it was published on. */
  ready?: { at: number; port: number } | undefined;
  /** When StopProcess was asked. */
  stop?: number | undefined;
  /** When the boot timeout killed it. */
  timeout?: number | undefined;
}

const PREFIX = "hp-";

/** The name of a new process's container. */
export const containerName = (processId: string): string => `${PREFIX}${processId}`;

/** Reads the markers of a container name (with or without Docker's leading slash). */
export function parseName(name: string): NameMarkers | undefined {
  const [base = "", ...events] = name.replace(/^\//, "").split(".");
  if (!base.startsWith(PREFIX)) return undefined;
  const markers: NameMarkers = { processId: base.slice(PREFIX.length) };
  for (const event of events) {
    const ready = /^r(\d+)-(\d+)$/.exec(event);
    if (ready) markers.ready ??= { at: Number(ready[1]), port: Number(ready[2]) };
    const other = /^([st])(\d+)$/.exec(event);
    if (other?.[1] === "s") markers.stop ??= Number(other[2]);
    if (other?.[1] === "t") markers.timeout ??= Number(other[2]);
  }
  return markers;
}

/** The marker text of one event, to append to the current name. */
export function marker(event: { ready: { at: number; port: number } } | { stop: number } | { timeout: number }): string {
  if ("ready" in event) return `.r${event.ready.at}-${event.ready.port}`;
  if ("stop" in event) return `.s${event.stop}`;
  return `.t${event.timeout}`;
}
