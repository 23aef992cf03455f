// A container, as Docker reports it, told as a Hathora process: the labels say who it is, the
// name's markers what we did to it, and Docker's state (StartedAt, FinishedAt, ExitCode,
// OOMKilled) what happened to it. Pure: the same container gives the same answer on any server.
import type { ProcessV3 } from "../../index.js";
import type { EngineProcess } from "../../service/engine.js";
import { LABEL, parseName } from "./names.js";

/** The part of `docker inspect` a process is told from. */
export interface ContainerRecord {
  id: string;
  name: string;
  labels: Record<string, string>;
  /** Docker's State.Status: created, running, paused, restarting, removing, exited, dead. */
  status: string;
  startedAt: string;
  finishedAt: string;
  exitCode: number;
  oomKilled: boolean;
  /** The main process's pid on the host (0 when not running). */
  pid: number;
  /** State.Health.Status, when the image has a HEALTHCHECK. */
  health: string | undefined;
  /** The host port `containerPort` is published on now (only while it runs). */
  hostPort: number | undefined;
}

/** v2's integer deploymentId: one deployment per app configuration (its v3 id is in the labels). */
const DEPLOYMENT_V2 = 1;

// Docker writes this for a time that never came (a container never started or not yet ended).
const never = (time: string): boolean => time === "" || time.startsWith("0001-01-01");
const iso = (ms: number): string => new Date(ms).toISOString();

/** Whether the container has ended (or, never started, was stopped or timed out). */
export function hasEnded(record: ContainerRecord): boolean {
  const markers = parseName(record.name);
  if (record.status === "exited" || record.status === "dead" || record.status === "removing") return true;
  return record.status === "created" && (markers?.stop !== undefined || markers?.timeout !== undefined);
}

function exitReason(record: ContainerRecord, stop: number | undefined, timeout: number | undefined): { status: string; reason: string } {
  const port = `${record.labels[LABEL.transportType] ?? "tcp"} port ${record.labels[LABEL.containerPort] ?? "?"}`;
  const bootSeconds = Number(record.labels[LABEL.bootTimeoutMs] ?? 100_000) / 1000;
  if (timeout !== undefined && (stop === undefined || timeout < stop)) return { status: "failed", reason: `Boot timeout: did not bind ${port} within ${bootSeconds} s` };
  if (stop !== undefined) return { status: "stopped", reason: record.exitCode === 137 ? "Stopped: killed (SIGKILL) after the stop grace period" : `Stopped: exit code ${record.exitCode}` };
  if (record.oomKilled) return { status: "failed", reason: `OOM killed (exit code ${record.exitCode})` };
  return { status: "failed", reason: `Exited on its own with exit code ${record.exitCode}` };
}

/** The process a container of ours is, or undefined for a container without our labels. */
export function describe(record: ContainerRecord): EngineProcess | undefined {
  const markers = parseName(record.name);
  const labels = record.labels;
  const processId = labels[LABEL.processId];
  if (markers === undefined || processId === undefined || markers.processId !== processId) return undefined;
  const createdAt = labels[LABEL.createdAt] ?? iso(0);
  const ended = hasEnded(record);
  const { ready, stop, timeout } = markers;
  let status = stop !== undefined ? "stopping" : ready !== undefined ? "running" : "starting";
  let summaryExitReason: string | undefined;
  let terminatedAt: string | null = null;
  if (ended) {
    const outcome = exitReason(record, stop, timeout);
    status = outcome.status;
    summaryExitReason = outcome.reason;
    terminatedAt = never(record.finishedAt) ? iso(Math.max(stop ?? 0, timeout ?? 0)) : record.finishedAt;
  }
  const process: ProcessV3 = {
    status,
    roomsAllocated: 0,
    terminatedAt,
    stoppingAt: stop === undefined ? null : iso(stop),
    startedAt: ready === undefined ? null : iso(ready.at),
    createdAt,
    bootedAt: never(record.startedAt) ? null : record.startedAt,
    scheduledAt: createdAt,
    roomsPerProcess: Number(labels[LABEL.roomsPerProcess] ?? 1),
    additionalExposedPorts: [],
    exposedPort: ready === undefined ? null : { host: labels[LABEL.publicHost] ?? "127.0.0.1", name: "default", port: ready.port, transportType: labels[LABEL.transportType] ?? "tcp" },
    region: labels[LABEL.region] ?? "",
    processId,
    deploymentId: labels[LABEL.deploymentId] ?? "dep-unknown",
    appId: labels[LABEL.appId] ?? "",
    ...(summaryExitReason === undefined ? {} : { summaryExitReason }),
  };
  return { process, deploymentIdV2: DEPLOYMENT_V2 };
}
