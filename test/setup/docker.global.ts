// Global setup of `npm run test:docker`: Docker must answer (`.ci/run` installs and starts it),
// and the test image is built FROM scratch with Debian's static busybox. No registry is used.
import { buildTestImage, dockerAnswers } from "../../scripts/docker/test-image.js";

export { TEST_IMAGE } from "../../scripts/docker/test-image.js";

export default function setup(): void {
  if (!dockerAnswers()) throw new Error("npm run test:docker needs a running Docker Engine (docker info failed; .ci/run runs scripts/docker/ensure-docker.sh first)");
  buildTestImage();
}
