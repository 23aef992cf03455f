// Entry for Cloudflare workerd: one POST carrying the configuration runs the scenario inside
// a fetch handler, as a Worker would call Hathora, and answers with the outcomes as JSON.
import * as hathora from "hathora-processes";
import * as testing from "hathora-processes/testing";
import { runScenario } from "./scenario.ts";
import { runFakeScenario } from "./fake-scenario.ts";

export default {
  async fetch(request) {
    const outcomes = [...(await runScenario(hathora, await request.json())), ...(await runFakeScenario(hathora, testing))];
    return Response.json(outcomes);
  },
};
