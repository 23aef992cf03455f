// The Docker engine's reading of what Docker reports, without Docker: a container's labels, name
// markers and state told as a process (the same answer on any server), the kernel's socket
// tables, and the metrics history (only what was measured). The same code runs against real
// containers in `npm run test:docker`.
import { describe as group, expect, it } from "vitest";
import { describe, type ContainerRecord } from "../../src/engines/docker/describe.js";
import { MetricsHistory, readStats } from "../../src/engines/docker/metrics-history.js";
import { LABEL, marker, parseName } from "../../src/engines/docker/names.js";
import { parseSocketTable } from "../../src/engines/docker/socket-table.js";

const id = "0b5c6a4e-1d2f-4a3b-8c9d-0e1f2a3b4c5d";
const t0 = Date.UTC(2026, 5, 1, 12, 0, 0);
const record = (over: Partial<ContainerRecord>): ContainerRecord => ({
  id: "c1",
  name: `/hp-${id}`,
  labels: { [LABEL.processId]: id, [LABEL.appId]: "app-1", [LABEL.region]: "Seattle", [LABEL.createdAt]: new Date(t0).toISOString(), [LABEL.containerPort]: "7777", [LABEL.transportType]: "udp", [LABEL.bootTimeoutMs]: "100000", [LABEL.publicHost]: "fra.example.net" },
  status: "running",
  startedAt: new Date(t0 + 300).toISOString(),
  finishedAt: "0001-01-01T00:00:00Z",
  exitCode: 0,
  oomKilled: false,
  pid: 42,
  health: undefined,
  hostPort: 32768,
  ...over,
});

group("a container told as a process", () => {
  it("starting, then running with the port kept in the name, then stopping and stopped", () => {
    expect(describe(record({}))?.process).toMatchObject({ status: "starting", exposedPort: null, startedAt: null, bootedAt: new Date(t0 + 300).toISOString() });
    const ready = `/hp-${id}${marker({ ready: { at: t0 + 2000, port: 32768 } })}`;
    expect(describe(record({ name: ready }))?.process).toMatchObject({ status: "running", startedAt: new Date(t0 + 2000).toISOString(), exposedPort: { host: "fra.example.net", port: 32768, transportType: "udp", name: "default" } });
    const stopping = `${ready}${marker({ stop: t0 + 5000 })}`;
    expect(describe(record({ name: stopping }))?.process).toMatchObject({ status: "stopping", stoppingAt: new Date(t0 + 5000).toISOString(), terminatedAt: null });
    const ended = describe(record({ name: stopping, status: "exited", exitCode: 137, finishedAt: new Date(t0 + 15_000).toISOString(), hostPort: undefined }))?.process;
    expect(ended).toMatchObject({ status: "stopped", summaryExitReason: "Stopped: killed (SIGKILL) after the stop grace period", terminatedAt: new Date(t0 + 15_000).toISOString(), exposedPort: { port: 32768 } });
  });

  it("failed: on its own, OOM-killed, boot timeout (also when it never started)", () => {
    const exited = { status: "exited", finishedAt: new Date(t0 + 9000).toISOString() };
    expect(describe(record({ ...exited, exitCode: 3 }))?.process.summaryExitReason).toBe("Exited on its own with exit code 3");
    expect(describe(record({ ...exited, exitCode: 137, oomKilled: true }))?.process.summaryExitReason).toBe("OOM killed (exit code 137)");
    const timedOut = describe(record({ ...exited, exitCode: 137, name: `/hp-${id}.t${t0 + 100_000}` }))?.process;
    expect([timedOut?.status, timedOut?.summaryExitReason]).toEqual(["failed", "Boot timeout: did not bind udp port 7777 within 100 s"]);
    const neverStarted = describe(record({ status: "created", startedAt: "0001-01-01T00:00:00Z", name: `/hp-${id}.t${t0 + 100_000}` }))?.process;
    expect(neverStarted).toMatchObject({ status: "failed", bootedAt: null, terminatedAt: new Date(t0 + 100_000).toISOString() });
  });

  it("markers in any order, the first of a kind wins (two servers renaming at once); a foreign container is no process", () => {
    expect(parseName(`/hp-${id}.s5.r3-40000.r4-40001`)).toEqual({ processId: id, ready: { at: 3, port: 40000 }, stop: 5 });
    expect(describe(record({ name: "/someone-else" }))).toBeUndefined();
    expect(describe(record({ name: `/hp-${id}`, labels: {} }))).toBeUndefined();
  });
});

group("the socket tables of /proc/<pid>/net", () => {
  it("reads the local port and state of each row (1E61 is 7777; 0A LISTEN, 07 a bound UDP socket, 01 ESTABLISHED)", () => {
    const tcp = [
      "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode",
      "   0: 00000000:1E61 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 1",
      "   1: 0200A8C0:1E61 0100A8C0:D431 01 00000000:00000000 00:00000000 00000000     0        0 2",
      "",
    ].join("\n");
    expect(parseSocketTable(tcp)).toEqual([
      { localPort: 7777, state: "0A" },
      { localPort: 7777, state: "01" },
    ]);
    expect(parseSocketTable(" sl local_address\n 0: 00000000000000000000000000000000:0043 00000000000000000000000000000000:0000 07 0")).toEqual([{ localPort: 67, state: "07" }]);
  });
});

group("the metrics history", () => {
  const stats = (cpu: number, system: number, usage: number, tx: number) => ({ cpu_stats: { cpu_usage: { total_usage: cpu }, system_cpu_usage: system, online_cpus: 2 }, memory_stats: { usage, stats: { cache: 1000 } }, networks: { eth0: { tx_bytes: tx } } });

  it("answers only what was measured: no cpu or rate from a first reading, never gpu", () => {
    const history = new MetricsHistory(3_600_000);
    history.add(id, readStats(stats(1e9, 100e9, 51_000, 5000), 1000, 3));
    const first = history.series(id, { metrics: ["cpu", "memory", "rateEgress", "totalEgress", "activeConnections", "gpuMemory"], start: 1000, end: 1000, step: 10 });
    expect(first).toEqual({ cpu: [], memory: [{ value: 50_000, timestamp: 1000 }], rateEgress: [], totalEgress: [{ value: 5000, timestamp: 1000 }], activeConnections: [{ value: 3, timestamp: 1000 }], gpuMemory: [] });
    history.add(id, readStats(stats(2e9, 110e9, 61_000, 25_000), 1010, undefined));
    const second = history.series(id, { metrics: ["cpu", "rateEgress", "activeConnections"], start: 1000, end: 1030, step: 10 });
    // (1e9 / 10e9) * 2 cpus * 100 = 20 %; (25000 - 5000) / 10 s = 2000 B/s; udp: no connections.
    expect(second).toEqual({ cpu: [{ value: 20, timestamp: 1010 }], rateEgress: [{ value: 2000, timestamp: 1010 }], activeConnections: [{ value: 3, timestamp: 1000 }] });
  });

  it("keeps keepMs of history", () => {
    const history = new MetricsHistory(60_000);
    for (let at = 0; at <= 600; at += 10) history.add(id, readStats(stats(at, at * 100, 2000, at), at, 0));
    expect(history.series(id, { metrics: ["memory"], start: 0, end: 600, step: 10 }).memory?.map((point) => point.timestamp)).toEqual([540, 550, 560, 570, 580, 590, 600]);
  });
});
