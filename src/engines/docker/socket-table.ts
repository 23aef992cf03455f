// Has the game bound its port? Read from the container's own socket table, as the host sees it:
// /proc/<pid>/net/{tcp,tcp6,udp,udp6} list the sockets of the network namespace of <pid> (the
// container's main process). No connection is made (Docker's userland proxy would accept one
// before the game listens) and nothing runs inside the image. Needs the server on the Docker
// host itself, with access to /proc (root, or the containers' user).
import { readFile } from "node:fs/promises";

/** A socket row: its local port and its state (hex, as the kernel writes it). */
interface SocketRow {
  localPort: number;
  state: string;
}

/** Parses one /proc/net/{tcp,udp}[6] table. */
export function parseSocketTable(text: string): SocketRow[] {
  return text
    .split("\n")
    .slice(1)
    .map((line) => line.trim().split(/\s+/))
    .filter((fields) => fields.length > 3)
    .map((fields) => ({ localPort: Number.parseInt((fields[1] ?? "").split(":").pop() ?? "", 16), state: fields[3] ?? "" }));
}

const LISTEN = "0A";
const UDP_BOUND = "07";
const ESTABLISHED = "01";

async function rows(pid: number, tables: string[]): Promise<SocketRow[]> {
  const texts = await Promise.all(tables.map((table) => readFile(`/proc/${pid}/net/${table}`, "utf8").catch(() => "")));
  return texts.flatMap(parseSocketTable);
}

/** Whether `port` is listened on (tcp, tls) or bound (udp) inside the namespace of `pid`. */
export async function portBound(pid: number, port: number, transportType: string): Promise<boolean> {
  if (pid <= 0) return false;
  const udp = transportType === "udp";
  const found = await rows(pid, udp ? ["udp", "udp6"] : ["tcp", "tcp6"]);
  return found.some((row) => row.localPort === port && row.state === (udp ? UDP_BOUND : LISTEN));
}

/** Established TCP connections on `port` inside the namespace of `pid` (none for udp: it has no connections). */
export async function establishedConnections(pid: number, port: number): Promise<number> {
  if (pid <= 0) return 0;
  return (await rows(pid, ["tcp", "tcp6"])).filter((row) => row.localPort === port && row.state === ESTABLISHED).length;
}
