// The client fills each operation's path template from a form compiled once per operation
// instead of asking openapi-fetch to scan the template on every call; the two must give the same
// path for every operation and every value, odd ones included.
import { defaultPathSerializer } from "openapi-fetch";
import { describe, expect, it } from "vitest";
import { operationSpecs } from "../../src/generated/operations.js";
import { compiledOperation, fillPath } from "../../src/wrappers/request/compiled-operation.js";

const VALUES = ["app-af469a92-5b45-4565-b3c4-b79878de67d2", "proc/with space", "a?b#c&d=e", "100%", "ünïcødé-🎮", "{processId}", "..%2F", "+plus+", "ÿ"];

describe("the compiled path template", () => {
  it("gives exactly openapi-fetch's defaultPathSerializer path, for every operation and odd values", () => {
    let compared = 0;
    for (const spec of Object.values(operationSpecs)) {
      const names = spec.params.filter((param) => param.in === "path").map((param) => param.name);
      for (const value of VALUES) {
        const values = Object.fromEntries(names.map((name, index) => [name, `${value}${index}`]));
        expect(fillPath(compiledOperation(spec), values)).toBe(defaultPathSerializer(spec.path, values));
        compared++;
      }
    }
    expect(compared).toBe(Object.keys(operationSpecs).length * VALUES.length);
  });

  it("is compiled once per operation, and knows its parameters and the call options", () => {
    const spec = operationSpecs.GetProcess;
    expect(compiledOperation(spec)).toBe(compiledOperation(spec));
    expect(compiledOperation(spec).pathNames).toEqual(["appId", "processId"]);
    expect([...compiledOperation(spec).known]).toEqual(expect.arrayContaining(["appId", "processId", "signal", "timeoutMs", "headers"]));
  });

  it("throws URIError for a lone surrogate, as encodeURIComponent does", () => {
    expect(() => fillPath(compiledOperation(operationSpecs.GetProcess), { appId: "a", processId: "\uD800" })).toThrow(URIError);
  });
});
