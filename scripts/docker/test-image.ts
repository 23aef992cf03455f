// The image the Docker tests and `npm run test:languages` run: FROM scratch with Debian's static
// busybox and the test game (test/docker/image/), built locally (no registry is reachable).
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** The test game's image name. */
export const TEST_IMAGE = "hathora-processes-test/game:1";

/** Whether a Docker Engine answers here. */
export function dockerAnswers(): boolean {
  try {
    execFileSync("docker", ["info", "--format", "{{.ServerVersion}}"], { stdio: "pipe" });
    return true;
  } catch {
    return false;
  }
}

/** Builds TEST_IMAGE (quick when nothing changed: Docker reuses its layers). */
export function buildTestImage(): void {
  const busybox = ["/bin/busybox", "/usr/bin/busybox"].find((path) => existsSync(path) && readFileSync(path).subarray(0, 4).toString("latin1") === "\x7fELF");
  if (busybox === undefined) throw new Error("the test image needs Debian's busybox-static (apt-get install -y busybox-static)");
  const context = mkdtempSync(join(tmpdir(), "hathora-test-image-"));
  const image = fileURLToPath(new URL("../../test/docker/image/", import.meta.url));
  copyFileSync(busybox, join(context, "busybox"));
  copyFileSync(join(image, "Dockerfile"), join(context, "Dockerfile"));
  copyFileSync(join(image, "game.sh"), join(context, "game.sh"));
  execFileSync("docker", ["build", "-q", "-t", TEST_IMAGE, context], { stdio: "pipe", env: { ...process.env, DOCKER_BUILDKIT: "0" } });
}
