// Entry for a browser page: the configuration is embedded in the page; the outcomes (or the
// error that stopped the run) are POSTed back to the page's own server.
import * as hathora from "hathora-processes";
import * as testing from "hathora-processes/testing";
import { runScenario } from "./scenario.ts";
import { runFakeScenario } from "./fake-scenario.ts";

const report = (body) => fetch("/results", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
try {
  const config = JSON.parse(document.getElementById("config").textContent);
  await report({ outcomes: [...(await runScenario(hathora, config)), ...(await runFakeScenario(hathora, testing))] });
} catch (error) {
  await report({ error: `${error?.name}: ${error?.message}` });
}
