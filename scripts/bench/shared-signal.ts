// Heap after GC across many calls that share one AbortSignal (a service-wide shutdown signal,
// the usual pattern). Run: `node --expose-gc --import tsx scripts/bench/shared-signal.ts [calls]`.
// The calls go through an injected fetch that answers at once, so the figure is the client's
// own retention per call, not the network stack's.
import { createHathoraClient } from "../../src/index.js";

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error("run with node --expose-gc");
const calls = Number(process.argv[2] ?? 20_000);
const body = JSON.stringify({ count: 1 });
const client = createHathoraClient({
  token: "t",
  appId: "app-1",
  fetch: async () => new Response(body, { headers: { "content-type": "application/json" } }),
});
const shutdown = new AbortController();
const signal = shutdown.signal;

async function callMany(count: number): Promise<void> {
  for (let index = 0; index < count; index++) await client.processesV3.getProcessesCountExperimental({ signal });
}

// Collect, then let the platform's FinalizationRegistry callbacks (fetch's Request keeps one
// per signal it follows) run before collecting again, so only what is really retained counts.
async function heapAfterGc(): Promise<number> {
  for (let round = 0; round < 4; round++) {
    gc?.();
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return process.memoryUsage().heapUsed;
}
await callMany(2_000); // warm up: JIT, caches
const before = await heapAfterGc();
await callMany(calls);
const after = await heapAfterGc();
const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(2);
console.log(JSON.stringify({ calls, heapBeforeMB: mb(before), heapAfterMB: mb(after), growthMB: mb(after - before), bytesPerCall: Math.round((after - before) / calls) }));
