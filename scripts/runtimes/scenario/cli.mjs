// Entry for Node, Bun and Deno: imports the installed package as a user would (resolved from
// the fresh project's node_modules by the runtime itself), runs the scenario with the
// configuration given as the first argument, and prints the outcomes as one JSON line.
import * as hathora from "hathora-processes";
import * as testing from "hathora-processes/testing";
import { runScenario } from "./scenario.ts";
import { runFakeScenario } from "./fake-scenario.ts";

const args = globalThis.Deno?.args ?? globalThis.process.argv.slice(2);
const outcomes = [...(await runScenario(hathora, JSON.parse(args[0]))), ...(await runFakeScenario(hathora, testing))];
console.log(`SCENARIO-RESULT ${JSON.stringify(outcomes)}`);
