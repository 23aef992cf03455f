// The fake tells the truth: a random sequence of a few hundred calls (fixed seed, v2 and v3,
// good and bad parameters, injected failures) and every answer validated against openapi.yaml's
// schema for that operation and status. And every operation of the spec has a route.
import { describe, expect, it } from "vitest";
import { operationSpecs } from "../../src/generated/operations.js";
import { createFakeHathora } from "../../src/testing/index.js";
import { operations as handlers } from "../../src/service/operations.js";
import { declaredSchema } from "../helpers/declared-schema.js";
import { openapi } from "../helpers/examples.js";
import { specValidator } from "../helpers/json-schema.js";

const validator = specValidator(true);

// A small seeded generator for the test's own choices.
function random(seed: number) {
  let state = seed;
  const next = () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  return { next, pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T };
}

describe("the fake against openapi.yaml", () => {
  it("has an answer for exactly the spec's operations", () => {
    const inSpec = Object.values<Record<string, any>>(openapi.paths).flatMap((item) => Object.values<any>(item).map((operation) => operation.operationId as string));
    expect(Object.keys(handlers).sort()).toEqual(inSpec.sort());
    expect(Object.keys(operationSpecs).sort()).toEqual(inSpec.sort());
  });

  it("answers a random sequence of 400 calls, v2 and v3, each validating against the spec", async () => {
    const fake = createFakeHathora({ seed: 42, bootMs: 3_000, stopMs: 2_000, autoAdvance: false });
    const rng = random(42);
    const regions = ["Tokyo", "Frankfurt", "Dubai", "Atlantis"];
    const statuses = ["starting", "running", "stopping", "stopped", "failed", "hibernating"];
    const ids = (): string[] => [...fake.processes().map((process) => process.processId), "no-such-process"];
    const tally: Record<string, number> = {};
    const problems: string[] = [];

    for (let i = 0; i < 400; i++) {
      const operationId = rng.pick(Object.keys(operationSpecs) as Array<keyof typeof operationSpecs>);
      const { method, path } = operationSpecs[operationId];
      const params: Record<string, string> = { appId: rng.next() < 0.05 ? "app-other" : fake.appId, processId: rng.pick(ids()), region: rng.pick(regions) };
      const query = new URLSearchParams();
      if (rng.next() < 0.5) query.append("status", rng.pick(statuses));
      if (rng.next() < 0.3) query.append("region", rng.pick(regions));
      if (operationId === "GetLatestProcesses" && rng.next() < 0.3) query.set("before", rng.next() < 0.9 ? String(fake.clock.now() - 10_000) : "soon");
      if (operationId === "GetProcessMetrics") {
        const end = Math.floor(fake.clock.now() / 1000);
        query.delete("status");
        query.delete("region");
        if (rng.next() < 0.7) query.append("metrics", rng.pick(["cpu", "memory", "totalEgress", "activeConnections", "gpuUtilization", "warp"]));
        query.set("start", String(end - 600));
        query.set("end", String(end));
        query.set("step", rng.next() < 0.9 ? String(rng.pick([15, 60, 120])) : "0");
      }
      // Injected statuses are the test's choice: only those the spec declares for the operation.
      const injectable = [408, 429, 500].filter((status) => declaredSchema(operationId, status) !== undefined);
      if (rng.next() < 0.08) fake.failNext(operationId, { status: rng.pick(injectable), retryAfterSeconds: 1 });
      if (rng.next() < 0.05) {
        const id = rng.pick(ids());
        if (id !== "no-such-process") fake.setStatus(id, rng.pick(statuses), rng.next() < 0.5 ? { summaryExitReason: "OOMKilled" } : {});
      }
      const url = `${fake.clientOptions.baseUrl}${path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(params[name] ?? ""))}${query.size > 0 ? `?${query}` : ""}`;
      const token = rng.next() < 0.03 ? "wrong" : fake.token;
      const response = await fake.fetch(url, { method, headers: { authorization: `Bearer ${token}` } });
      const text = await response.text();
      const schema = declaredSchema(operationId, response.status);
      tally[`${operationId} ${response.status}`] = (tally[`${operationId} ${response.status}`] ?? 0) + 1;
      if (schema === undefined) problems.push(`${operationId}: undeclared status ${response.status}`);
      else if (schema === "empty") {
        if (text !== "") problems.push(`${operationId} ${response.status}: body where none is declared`);
      } else {
        const errors = validator.check(schema, JSON.parse(text));
        if (errors.length > 0) problems.push(`${operationId} ${response.status}: ${JSON.stringify(errors)} in ${text}`);
      }
      fake.clock.advance(Math.floor(rng.next() * 2_000));
    }

    expect(problems).toEqual([]);
    // The sequence reached every operation with success and with errors.
    for (const operationId of Object.keys(operationSpecs)) expect(Object.keys(tally).filter((key) => key.startsWith(`${operationId} 2`)).length).toBeGreaterThan(0);
    for (const status of [401, 404, 422, 429, 500]) expect(Object.keys(tally).some((key) => key.endsWith(` ${status}`))).toBe(true);
  });
});
