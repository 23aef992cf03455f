// Many calls in flight through one client against a healthy server all get their own answer.
import { expect, it } from "vitest";
import { json, useFaultServer } from "../helpers/fault-server.js";
import { faultClient, processV3 } from "../helpers/fixtures.js";

const server = useFaultServer();

it("500 concurrent calls through one client all resolve with the right data", async () => {
  const base = server.route((req, res) => {
    const processId = decodeURIComponent(req.url?.split("/").pop() ?? "");
    // A little random delay so that answers come back out of order.
    setTimeout(() => json(res, 200, { ...processV3, processId }), Math.random() * 20);
  });
  const client = faultClient(base);
  const ids = Array.from({ length: 500 }, (_, index) => `process-${index}`);
  const results = await Promise.all(ids.map((processId) => client.processesV3.getProcess({ processId })));
  expect(results.map((process) => process.processId)).toEqual(ids);
  expect(results.every((process) => process.status === "running")).toBe(true);
  expect(server.seen(base)).toHaveLength(500);
});
