// What every launcher takes and gives back.
import type { Outcome, ScenarioConfig } from "../scenario/scenario.js";
import type { FreshProject } from "../fresh-project.js";

export interface LaunchInput {
  config: ScenarioConfig;
  project: FreshProject;
  /** A scratch directory of this run. */
  work: string;
  timeoutMs: number;
}

/** Runs the scenario once in a runtime; rejects when the runtime gave no outcomes at all. */
export type Launcher = (input: LaunchInput) => Promise<Outcome[]>;

export function parseOutcomes(text: string): Outcome[] {
  const parsed: unknown = JSON.parse(text);
  if (!Array.isArray(parsed) || !parsed.every((entry) => typeof entry?.name === "string" && typeof entry?.ok === "boolean")) {
    throw new Error(`not a list of outcomes: ${text.slice(0, 500)}`);
  }
  return parsed as Outcome[];
}
