// Global setup of `npm run test:docker`: Docker must answer (`.ci/run` installs and starts it),
// and the test image is built FROM scratch with Debian's static busybox. No registry is used.
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** The image every Docker test runs. */
export const TEST_IMAGE = "hathora-processes-test/game:1";

export default function setup(): void {
  try {
    execFileSync("docker", ["info", "--format", "{{.ServerVersion}}"], { stdio: "pipe" });
  } catch (error) {
    throw new Error(`npm run test:docker needs a running Docker Engine (docker info failed; .ci/run installs docker.io and starts dockerd): ${(error as Error).message}`);
  }
  const busybox = ["/bin/busybox", "/usr/bin/busybox"].find((path) => existsSync(path) && readFileSync(path).subarray(0, 4).toString("latin1") === "\x7fELF");
  if (busybox === undefined) throw new Error("npm run test:docker needs Debian's busybox-static (apt-get install -y busybox-static)");
  const context = mkdtempSync(join(tmpdir(), "hathora-test-image-"));
  const image = fileURLToPath(new URL("../docker/image/", import.meta.url));
  copyFileSync(busybox, join(context, "busybox"));
  copyFileSync(join(image, "Dockerfile"), join(context, "Dockerfile"));
  copyFileSync(join(image, "game.sh"), join(context, "game.sh"));
  execFileSync("docker", ["build", "-q", "-t", TEST_IMAGE, context], { stdio: "pipe", env: { ...process.env, DOCKER_BUILDKIT: "0" } });
}
