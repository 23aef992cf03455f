// The benchmark's server, run in its own process so that its work does not count as the
// client's CPU time. It answers three v3 paths with fixed, valid bodies taken from the
// examples in openapi.yaml, prints its port, and lives until its parent closes stdin.
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import { parse } from "yaml";

const spec = parse(readFileSync(new URL("../../openapi.yaml", import.meta.url), "utf8"));
const process3 = spec.components.schemas.ProcessV3.example;
const created = spec.paths["/processes/v3/apps/{appId}/processes/regions/{region}"].post.responses["201"].content["application/json"].example;
const latest = Array.from({ length: 10 }, (_, index) => ({ ...process3, processId: `${process3.processId.slice(0, -2)}${String(index).padStart(2, "0")}` }));

const body = (value) => {
  const text = Buffer.from(JSON.stringify(value));
  return { text, headers: { "content-type": "application/json", "content-length": String(text.length) } };
};
const answers = { get: body(process3), latest: body(latest), create: body(created) };
const notFound = body({ message: "Not found" });

const unauthorized = body({ message: "Missing bearer token" });

const server = createServer((req, res) => {
  // Every contender must send the token; one that does not would do less work than the others.
  if (req.headers.authorization !== "Bearer bench-token") return res.writeHead(401, unauthorized.headers).end(unauthorized.text);
  const path = req.url ?? "";
  let answer = notFound;
  let status = 404;
  if (req.method === "GET" && path.endsWith("/processes/latest")) [answer, status] = [answers.latest, 200];
  else if (req.method === "POST" && path.includes("/processes/regions/")) [answer, status] = [answers.create, 201];
  else if (req.method === "GET" && /^\/processes\/v3\/apps\/[^/]+\/processes\/[^/?]+$/.test(path)) [answer, status] = [answers.get, 200];
  res.writeHead(status, answer.headers).end(answer.text);
});
server.keepAliveTimeout = 60_000;
server.listen(0, "127.0.0.1", () => console.log(JSON.stringify({ port: server.address().port })));
process.stdin.on("end", () => process.exit(0)).resume();
