// Calls per second, latency and CPU per call for each contender, measured in interleaved
// batches (the order rotates every round) so that machine noise hits every contender alike.
// The ratios to raw fetch are paired: each round's figure is divided by raw fetch's figure of
// the same round, and the median over rounds is reported, so a slow spell of the machine
// (this is a shared virtual machine) moves both sides of a ratio together.
import { performance } from "node:perf_hooks";
import type { Contender } from "./contenders.js";
import { median, quantile } from "./stats.js";

export interface Scenario {
  name: string;
  call: (contender: Contender) => Promise<unknown>;
  /** Calls in flight at once. */
  concurrency: number;
  batchSize: number;
  batches: number;
}

export interface Result {
  scenario: string;
  contender: string;
  calls: number;
  callsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  cpuUsPerCall: number;
  /** Wall time per call relative to raw fetch (1.00 = the same): median of the per-round ratios. */
  timeVsRaw: number;
  /** CPU time per call relative to raw fetch: median of the per-round ratios. */
  cpuVsRaw: number;
}

const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});

async function batch(call: () => Promise<unknown>, calls: number, concurrency: number, latencies: number[]): Promise<void> {
  let started = 0;
  const worker = async () => {
    while (started < calls) {
      started++;
      const begin = performance.now();
      await call();
      latencies.push(performance.now() - begin);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}

export async function measure(scenario: Scenario, contenders: Contender[]): Promise<Result[]> {
  const totals = contenders.map(() => ({ latencies: [] as number[], wallMs: 0, cpuUs: 0, calls: 0, rounds: [] as Array<{ wallMs: number; cpuUs: number }> }));
  for (const contender of contenders) await batch(() => scenario.call(contender), scenario.batchSize, scenario.concurrency, []); // warm-up

  for (let round = 0; round < scenario.batches; round++) {
    for (let turn = 0; turn < contenders.length; turn++) {
      const index = (round + turn) % contenders.length;
      const contender = contenders[index] as Contender;
      const total = totals[index] as (typeof totals)[number];
      gc();
      const cpu = process.cpuUsage();
      const begin = performance.now();
      await batch(() => scenario.call(contender), scenario.batchSize, scenario.concurrency, total.latencies);
      const wallMs = performance.now() - begin;
      const used = process.cpuUsage(cpu);
      total.wallMs += wallMs;
      total.cpuUs += used.user + used.system;
      total.calls += scenario.batchSize;
      total.rounds.push({ wallMs, cpuUs: used.user + used.system });
    }
  }

  const raw = totals[0] as (typeof totals)[number];
  const pairedRatio = (rounds: Array<{ wallMs: number; cpuUs: number }>, key: "wallMs" | "cpuUs") =>
    median(rounds.map((round, index) => round[key] / (raw.rounds[index]?.[key] ?? Number.NaN)));
  return contenders.map((contender, index) => {
    const total = totals[index] as (typeof totals)[number];
    return {
      scenario: scenario.name,
      contender: contender.name,
      calls: total.calls,
      callsPerSecond: (total.calls / total.wallMs) * 1000,
      p50Ms: quantile(total.latencies, 0.5),
      p99Ms: quantile(total.latencies, 0.99),
      cpuUsPerCall: total.cpuUs / total.calls,
      timeVsRaw: pairedRatio(total.rounds, "wallMs"),
      cpuVsRaw: pairedRatio(total.rounds, "cpuUs"),
    };
  });
}
