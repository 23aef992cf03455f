// Must NOT type-check: proves the consumer type check can fail. Each line is a mistake a user
// could make; the consumer test expects tsc to reject them.
import { createHathoraClient, type ProcessV3 } from "hathora-processes";

const hathora = createHathoraClient({ token: "t", appId: "a" });
await hathora.processesV3.getProcess({ processID: "misspelt" });
const process: ProcessV3 = await hathora.processesV3.getProcess({ processId: "p" });
export const deployment: number = process.deploymentId;
await hathora.processesV3.createProcess({ region: 7 });
