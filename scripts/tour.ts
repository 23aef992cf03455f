// `npm start`: a short tour of the client. With no HATHORA_TOKEN it runs against the fake Hathora
// of hathora-processes/testing over HTTP (no network, no account), which shows a process's real
// lifecycle (starting, running, stopping, stopped), as the stateless Prism mock cannot. With
// HATHORA_TOKEN and HATHORA_APP_ID it runs against the real API (HATHORA_BASE_URL to override),
// read-only unless --create is given, because creating a real process costs money.
import { createHathoraClient, isHathoraError, ProcessNotReadyError, withDates, type HathoraClient, type ProcessV2, type ProcessV3, type Region } from "../src/index.js";
import { createFakeHathora } from "../src/testing/index.js";

const line = (version: string, call: string, result: string) => console.log(`${version}  ${call.padEnd(50)} -> ${result}`);
const where = ({ exposedPort }: ProcessV2 | ProcessV3) =>
  exposedPort ? `${exposedPort.host}:${exposedPort.port} (${exposedPort.transportType})` : "no port yet";
const latest = (series: { value: number }[] | undefined) => (series?.length ? String(series[series.length - 1]?.value) : "n/a");

async function fakeTour(client: HathoraClient): Promise<void> {
  const v3 = client.processesV3;
  const created = await v3.createProcess({ region: "Tokyo" });
  line("v3", `createProcess({ region: "Tokyo" })`, `${created.processId} ${created.status}`);
  const running = await v3.waitForProcess({ processId: created.processId, pollIntervalMs: 250 });
  line("v3", "waitForProcess (until running)", `${running.status} at ${where(running)}`);
  const details = withDates(await v3.getProcess({ processId: running.processId }));
  line("v3", "getProcess, withDates", `${details.status}, started ${details.startedAt?.toISOString() ?? "not yet"}`);
  const list = await v3.getLatestProcesses({ status: ["running"], region: ["Tokyo"] });
  line("v3", `getLatestProcesses({ status: ["running"] })`, `${list.length} process(es)`);
  const { count } = await v3.getProcessesCountExperimental({ status: ["running"] });
  line("v3", "getProcessesCountExperimental", `${count}`);
  const metrics = await v3.getProcessMetrics({ processId: running.processId, metrics: ["cpu", "memory"], step: 1 });
  line("v3", `getProcessMetrics({ metrics: ["cpu", "memory"] })`, `cpu ${latest(metrics.cpu)}, memory ${latest(metrics.memory)} bytes`);
  await v3.stopProcess({ processId: running.processId });
  line("v3", "stopProcess", `${(await v3.getProcess({ processId: running.processId })).status}`);
  const stopped = await v3.waitForProcess({ processId: running.processId, until: "stopped", pollIntervalMs: 250 });
  line("v3", `waitForProcess({ until: "stopped" })`, `${stopped.status} at ${stopped.terminatedAt ?? "?"}`);

  const v2 = client.processesV2;
  const readyV2 = await v2.createProcessAndWait({ region: "Frankfurt", pollIntervalMs: 250 });
  line("v2", `createProcessAndWait({ region: "Frankfurt" })`, `${readyV2.processId} ${readyV2.status}, deployment ${readyV2.deploymentId}`);
  const info = await v2.getProcessInfo({ processId: readyV2.processId });
  line("v2", "getProcessInfo", `${info.status} at ${where(info)}`);
  line("v2", "getLatestProcesses", `${(await v2.getLatestProcesses()).length} process(es)`);
  line("v2", "getProcessesCountExperimental", `${(await v2.getProcessesCountExperimental()).count}`);
  await v2.stopProcess({ processId: readyV2.processId });
  line("v2", "stopProcess", `${(await v2.getProcessInfo({ processId: readyV2.processId })).status}`);

  // What a failure looks like: a process the fake does not hold.
  const failure = await v3.getProcess({ processId: "no-such-process" }).catch((error: unknown) => error);
  line("v3", `getProcess({ processId: "no-such-process" })`, isHathoraError(failure) ? `${failure.name}: ${failure.message}` : "no error?");
}

async function realTour(client: HathoraClient, create: boolean): Promise<void> {
  const v3 = client.processesV3;
  const list = await v3.getLatestProcesses();
  line("v3", "getLatestProcesses", `${list.length} process(es)`);
  line("v3", "getProcessesCountExperimental", `${(await v3.getProcessesCountExperimental()).count}`);
  const first = list[0];
  if (first) {
    const details = await v3.getProcess({ processId: first.processId });
    line("v3", `getProcess(${first.processId})`, `${details.status} in ${details.region} at ${where(details)}`);
    const metrics = await v3.getProcessMetrics({ processId: first.processId, metrics: ["cpu", "memory"] });
    line("v3", "getProcessMetrics", `cpu ${latest(metrics.cpu)}, memory ${latest(metrics.memory)}`);
  }
  line("v2", "getLatestProcesses", `${(await client.processesV2.getLatestProcesses()).length} process(es)`);
  if (!create) {
    console.log("(read-only: pass --create to also create and stop a real, billed process)");
    return;
  }
  const region = (process.env.HATHORA_REGION ?? "Seattle") as Region;
  let processId: string | undefined;
  try {
    const ready = await v3.createProcessAndWait({ region });
    processId = ready.processId;
    line("v3", `createProcessAndWait({ region: "${region}" })`, `${ready.processId} ${ready.status} at ${where(ready)}`);
  } catch (error) {
    // The process exists even though the wait failed; it is stopped below all the same.
    if (error instanceof ProcessNotReadyError) processId = error.processId;
    throw error;
  } finally {
    if (processId) {
      await v3.stopProcess({ processId });
      line("v3", "stopProcess", `${processId} stopped`);
    }
  }
}

async function main(): Promise<void> {
  const token = process.env.HATHORA_TOKEN;
  const started = Date.now();
  if (token) {
    const appId = process.env.HATHORA_APP_ID;
    if (!appId) throw new Error("HATHORA_APP_ID must be set with HATHORA_TOKEN");
    const baseUrl = process.env.HATHORA_BASE_URL;
    const client = createHathoraClient({ token, appId, ...(baseUrl && { baseUrl }) });
    console.log(`hathora-processes tour against ${baseUrl ?? "https://api.hathora.dev"}, app ${appId}`);
    await realTour(client, process.argv.includes("--create"));
  } else {
    // The fake over real HTTP, in real time: the tour shows the lifecycle as it unfolds.
    const fake = createFakeHathora({ bootMs: 1_500, stopMs: 500 });
    const server = await fake.listen();
    try {
      console.log(`hathora-processes tour against the fake Hathora (hathora-processes/testing) at ${server.url} (no HATHORA_TOKEN set)`);
      await fakeTour(createHathoraClient({ token: fake.token, appId: fake.appId, baseUrl: server.url }));
    } finally {
      await server.close();
    }
  }
  console.log(`done in ${Date.now() - started} ms`);
}

main().catch((error: unknown) => {
  console.error(isHathoraError(error) ? `${error.name}: ${error.message}` : error);
  process.exitCode = 1;
});
