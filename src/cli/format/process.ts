// How a process reads on a terminal: a row of `ps`, the fields of `get`, a line of progress.
import { dateTimeFields, type ExposedPort, type ProcessV2, type ProcessV3 } from "../../index.js";
import type { Palette } from "./colour.js";
import { localClock, span, timestamp } from "./time.js";
import { table } from "./table.js";

/** A process of either API version. */
export type AnyProcess = ProcessV2 | ProcessV3;

const DATE_FIELDS = new Set<string>([...dateTimeFields.ProcessV3, ...dateTimeFields.ProcessV2]);

/** `host:port`, or `-` while the process has no port. */
export function address(port: ExposedPort | null | undefined): string {
  return port ? `${port.host}:${port.port}` : "-";
}

/** The `ps` table: id, status, region, host:port, age, rooms. */
export function processTable(processes: AnyProcess[], now: number, colour: Palette): string[] {
  const rows = processes.map((process) => [
    process.processId,
    { text: process.status, paint: (padded: string) => colour.status(process.status) + padded.slice(process.status.length) },
    process.region,
    address(process.exposedPort),
    span(now - Date.parse(process.createdAt)),
    `${process.roomsAllocated}/${process.roomsPerProcess}`,
  ]);
  return table(["ID", "STATUS", "REGION", "ADDRESS", "AGE", "ROOMS"], rows, colour.bold);
}

/** Every field of a process, one per line, in the API's order; time stamps in local time with their age. */
export function processFields(process: AnyProcess, now: number, colour: Palette): string[] {
  const entries = Object.entries(process);
  const width = Math.max(...entries.map(([name]) => name.length));
  return entries.map(([name, value]) => `${colour.bold(name.padEnd(width))}  ${fieldText(name, value, now, colour)}`);
}

function fieldText(name: string, value: unknown, now: number, colour: Palette): string {
  if (value === null || value === undefined) return colour.dim("-");
  if (name === "status" && typeof value === "string") return colour.status(value);
  if (DATE_FIELDS.has(name) && typeof value === "string") return timestamp(value, now);
  if (name === "exposedPort") return portText(value as ExposedPort);
  if (name === "additionalExposedPorts" && Array.isArray(value)) return value.length === 0 ? colour.dim("-") : (value as ExposedPort[]).map(portText).join(", ");
  return typeof value === "object" ? JSON.stringify(value) : String(value);
}

const portText = (port: ExposedPort) => `${address(port)} (${port.transportType}, ${port.name})`;

/** A line of a wait's progress: `13:04:05  <id>  running  1.proxy.hathora.dev:30000`. */
export function progressLine(process: AnyProcess, now: number, colour: Palette): string {
  const where = process.exposedPort ? `  ${address(process.exposedPort)}` : "";
  return `${colour.dim(localClock(new Date(now)))}  ${process.processId}  ${colour.status(process.status)}${where}`;
}
