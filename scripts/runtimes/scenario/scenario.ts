// The one scenario every runtime runs, through the public API of the installed package only.
// It is handed the package (each entry imports it as a user would) so that this file has no
// runtime import at all and can be bundled for browsers and workerd or run as it is elsewhere.
// It reports what the client did; the harness judges attempt counts against what the servers
// saw and against what the README promises for the runtime.
import type * as Hathora from "../../../src/index.js";
import { FAKE_STEPS } from "./fake-scenario.js";

export interface ScenarioConfig {
  /** Prism serving openapi.yaml's examples. */
  prismUrl: string;
  /** The fixture server for this run: `<origin>/<runId>`. Stall, 503-then-200, redirects. */
  fixturesUrl: string;
  /** A loopback port nothing listens on. */
  refusedUrl: string;
  token: string;
}

export interface Outcome {
  name: string;
  ok: boolean;
  /** What happened, in a few words (an error's name and message on failure). */
  detail: string;
  /** `error.attempts` where the call ended in an error that counts them. */
  attempts?: number;
  /** `ConnectionError.mayHaveReachedServer`, for the refused-connection steps. */
  mayHaveReachedServer?: boolean;
  /** Events received from the `hathora-processes:operation` TracingChannel, for the observers step. */
  published?: number;
}

export const SCENARIO_STEPS = [
  "v3 getProcess",
  "v3 getLatestProcesses",
  "v3 getProcessesCountExperimental",
  "v3 createProcess",
  "v3 stopProcess",
  "v3 getProcessMetrics",
  "v2 getProcessInfo",
  "404 is NotFoundError",
  "time limit",
  "abort",
  "refused GET",
  "refused createProcess",
  "same-origin redirect",
  "cross-origin redirect",
  "503 then 200",
  "logs, events, traces",
  ...FAKE_STEPS,
] as const;
export type StepName = (typeof SCENARIO_STEPS)[number];

const APP_ID = "app-af469a92-5b45-4565-b3c4-b79878de67d2";
const FAST_RETRIES = { retryBaseDelayMs: 5, retryMaxDelayMs: 20 };

export async function runScenario(hathora: typeof Hathora, config: ScenarioConfig): Promise<Outcome[]> {
  const { createHathoraClient, NotFoundError, ConnectionError, ConnectionTimeoutError, isHathoraError } = hathora;
  const client = (baseUrl: string, extra: Partial<Hathora.HathoraClientOptions> = {}) =>
    createHathoraClient({ token: config.token, appId: APP_ID, baseUrl, ...FAST_RETRIES, ...extra });
  const prism = client(config.prismUrl);
  const fixture = (kind: string, extra?: Partial<Hathora.HathoraClientOptions>) => client(`${config.fixturesUrl}/${kind}`, extra);
  const refused = client(config.refusedUrl);

  const outcomes: Outcome[] = [];
  const step = async (name: StepName, body: () => Promise<Omit<Outcome, "name" | "ok"> & { ok?: boolean }>) => {
    try {
      const { ok = true, ...rest } = await body();
      outcomes.push({ name, ok, ...rest });
    } catch (error) {
      outcomes.push({ name, ok: false, detail: describe(error) });
    }
  };
  const expectError = async (call: () => Promise<unknown>): Promise<unknown> => {
    try {
      await call();
    } catch (error) {
      return error;
    }
    throw new Error("the call succeeded; an error was expected");
  };
  const check = (condition: boolean, detail: string, error?: unknown) => ({
    ok: condition,
    detail: condition ? detail : `${detail}; got ${describe(error)}`,
  });

  // Every v3 operation and one v2 operation against Prism (the spec's examples).
  await step("v3 getProcess", async () => {
    const process = await prism.processesV3.getProcess({ processId: "cbfcddd2-0006-43ae-996c-995fff7bed2e" });
    return check(typeof process.processId === "string" && typeof process.status === "string", `status ${process.status}`, process);
  });
  await step("v3 getLatestProcesses", async () => {
    const list = await prism.processesV3.getLatestProcesses({ status: ["running"], region: ["Frankfurt"] });
    return check(Array.isArray(list), `${list.length} processes`, list);
  });
  await step("v3 getProcessesCountExperimental", async () => {
    const { count } = await prism.processesV3.getProcessesCountExperimental({ status: ["running"] });
    return check(typeof count === "number", `count ${count}`, count);
  });
  await step("v3 createProcess", async () => {
    const created = await prism.processesV3.createProcess({ region: "Frankfurt" });
    return check(typeof created.processId === "string", `created ${created.status}`, created);
  });
  await step("v3 stopProcess", async () => {
    const stopped = await prism.processesV3.stopProcess({ processId: "cbfcddd2-0006-43ae-996c-995fff7bed2e" });
    return check(stopped === undefined, "stopped", stopped);
  });
  await step("v3 getProcessMetrics", async () => {
    const metrics = await prism.processesV3.getProcessMetrics({ processId: "cbfcddd2-0006-43ae-996c-995fff7bed2e", metrics: ["cpu"], step: 60 });
    return check(typeof metrics === "object" && metrics !== null, `${Object.keys(metrics).join(",")}`, metrics);
  });
  await step("v2 getProcessInfo", async () => {
    const info = await prism.processesV2.getProcessInfo({ processId: "cbfcddd2-0006-43ae-996c-995fff7bed2e" });
    return check(typeof info.processId === "string", `status ${info.status}`, info);
  });

  // A declared error, forced from Prism: the class must work with instanceof in every runtime.
  await step("404 is NotFoundError", async () => {
    const error = await expectError(() => prism.processesV3.getProcess({ processId: "gone", headers: { Prefer: "code=404" } }));
    const ok = error instanceof NotFoundError && isHathoraError(error) && error.status === 404;
    return check(ok, "NotFoundError 404", error);
  });

  // A server that never answers: each attempt runs out its time limit; a GET is retried once.
  await step("time limit", async () => {
    const error = await expectError(() => fixture("stall", { timeoutMs: 300, maxRetries: 1 }).processesV3.getProcess({ processId: "p-stall" }));
    const ok = error instanceof ConnectionTimeoutError && error instanceof ConnectionError && error.attempts === 2;
    return { ...check(ok, "ConnectionTimeoutError after 2 attempts", error), ...attemptsOf(error) };
  });

  // The caller's own abort passes through as fetch would: the platform's AbortError, no retry.
  await step("abort", async () => {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), 250);
    const started = Date.now();
    const error = await expectError(() => fixture("abort").processesV3.getProcess({ processId: "p-abort", signal: controller.signal }));
    clearTimeout(timer);
    const name = (error as { name?: unknown } | null)?.name;
    const ok = name === "AbortError" && !isHathoraError(error) && Date.now() - started < 5_000;
    return check(ok, "AbortError, not a HathoraError", error);
  });

  // Nothing listens: a GET is always retried; createProcess only where the runtime says the
  // connection was refused (the harness holds which runtimes those are).
  await step("refused GET", async () => {
    const error = await expectError(() => refused.processesV3.getProcess({ processId: "p-refused" }));
    return { ...check(error instanceof ConnectionError, "ConnectionError", error), ...attemptsOf(error) };
  });
  await step("refused createProcess", async () => {
    const error = await expectError(() => refused.processesV3.createProcess({ region: "Frankfurt" }));
    return { ...check(error instanceof ConnectionError, "ConnectionError", error), ...attemptsOf(error) };
  });

  // Redirects: the fixture answers 307 to itself, or to another origin that records whether
  // an Authorization header arrived (the harness checks what it recorded).
  // Twice with one client: a runtime that hides redirects from scripts (browsers) costs one
  // extra request the first time only.
  await step("same-origin redirect", async () => {
    const sameOrigin = fixture("redirect-same");
    const first = await sameOrigin.processesV3.getProcess({ processId: "p-same" });
    const second = await sameOrigin.processesV3.getProcess({ processId: "p-same" });
    return check(first.processId === "p-same" && second.processId === "p-same", "followed twice", [first, second]);
  });
  await step("cross-origin redirect", async () => {
    const process = await fixture("redirect-cross").processesV3.getProcess({ processId: "p-cross" });
    return check(process.processId === "p-cross", "followed", process);
  });

  // A transient 503 on a GET is retried; the server counts the two attempts.
  await step("503 then 200", async () => {
    const process = await fixture("flaky").processesV3.getProcess({ processId: "p-flaky" });
    return check(process.processId === "p-flaky", "succeeded", process);
  });

  // Observers: an info line and an onAttempt event per attempt, and the TracingChannel where the
  // platform has diagnostics_channel. A second client leaves logLevel unset, so it reads
  // HATHORA_LOG wherever there is an environment, which must never throw.
  await step("logs, events, traces", async () => {
    const lines: string[] = [];
    const keep = (line: string) => void lines.push(line);
    let events = 0;
    const published: string[] = [];
    type TracingChannel = { subscribe(handlers: Record<string, (message: unknown) => void>): void; unsubscribe(handlers: Record<string, (message: unknown) => void>): void };
    const builtin = (globalThis as { process?: { getBuiltinModule?(id: string): unknown } }).process?.getBuiltinModule?.("node:diagnostics_channel") as
      | { tracingChannel?(name: string): TracingChannel }
      | undefined;
    const channel = builtin?.tracingChannel?.(hathora.OPERATION_CHANNEL);
    const handlers = Object.fromEntries(["start", "end", "asyncStart", "asyncEnd", "error"].map((event) => [event, () => void published.push(event)]));
    channel?.subscribe(handlers);
    try {
      const logger = { error: keep, warn: keep, info: keep, debug: keep };
      await client(config.prismUrl, { logger, logLevel: "info", onAttempt: () => void events++ }).processesV3.getProcess({ processId: "cbfcddd2-0006-43ae-996c-995fff7bed2e" });
      await client(config.prismUrl).processesV3.getProcess({ processId: "cbfcddd2-0006-43ae-996c-995fff7bed2e" });
    } finally {
      channel?.unsubscribe(handlers);
    }
    const ok = lines.length === 1 && events === 1 && !lines.some((line) => line.includes(config.token));
    return { ...check(ok, `${lines.length} line, ${events} event, trace ${published.join(",") || "none"}`, lines), published: published.length };
  });

  return outcomes;
}

function attemptsOf(error: unknown): Pick<Outcome, "attempts" | "mayHaveReachedServer"> {
  const { attempts, mayHaveReachedServer } = (error ?? {}) as { attempts?: unknown; mayHaveReachedServer?: unknown };
  return {
    ...(typeof attempts === "number" && { attempts }),
    ...(typeof mayHaveReachedServer === "boolean" && { mayHaveReachedServer }),
  };
}

function describe(value: unknown): string {
  if (value instanceof Error || (typeof value === "object" && value !== null && "message" in value)) {
    const { name, message } = value as { name?: unknown; message?: unknown };
    return `${String(name)}: ${String(message)}`.slice(0, 300);
  }
  try {
    return JSON.stringify(value)?.slice(0, 300) ?? String(value);
  } catch {
    return String(value);
  }
}
