// Loads the ESM-only package from CommonJS, as Node 20.19+ allows (require(esm)).
const { createHathoraClient, NotFoundError, isHathoraError } = require("hathora-processes");

const hathora = createHathoraClient({ token: "cjs-token", appId: "app-cjs", baseUrl: process.argv[2] });
hathora.processesV3
  .getProcess({ processId: "p-1" })
  .then(async (process) => {
    const error = await hathora.processesV3.getProcess({ processId: "p-1", headers: { Prefer: "code=404" } }).catch((e) => e);
    console.log(JSON.stringify({ status: process.status, notFound: error instanceof NotFoundError && isHathoraError(error) }));
  })
  .catch((error) => {
    console.error(error);
    process.exit(1);
  });
