// Entry for Cloudflare workerd: one POST carrying the configuration runs the scenario inside
// a fetch handler, as a Worker would call Hathora, and answers with the outcomes as JSON.
import * as hathora from "hathora-processes";
import { runScenario } from "./scenario.ts";

export default {
  async fetch(request) {
    const outcomes = await runScenario(hathora, await request.json());
    return Response.json(outcomes);
  },
};
