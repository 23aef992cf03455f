// The prelude of the README's code fragments: the names a fragment uses without declaring them,
// as a service would have them. The README-code test puts this text in front of every ```ts
// block that does not create its own client (one that calls createHathoraClient stands alone).
// The environment variables let the test point the client at Prism (or any fake Hathora).
import { createHathoraClient } from "hathora-processes";

const hathora = createHathoraClient({
  token: process.env.HATHORA_TOKEN ?? "readme-token",
  appId: process.env.HATHORA_APP_ID ?? "app-af469a92-5b45-4565-b3c4-b79878de67d2",
  baseUrl: process.env.HATHORA_BASE_URL,
});
const processId = process.env.HATHORA_PROCESS_ID ?? "cbfcddd2-0006-43ae-996c-995fff7bed2e";
function sendToPlayers(port: unknown): void {
  console.log("players get", port);
}
