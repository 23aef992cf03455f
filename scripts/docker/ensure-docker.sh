#!/usr/bin/env bash
# Makes sure a Docker Engine answers, for `npm run test:docker`: installs Debian's docker.io and
# busybox-static (the test image's only content) when missing, starts dockerd when none runs, and
# waits until `docker info` answers. Idempotent: with Docker up and busybox present it does nothing.
set -euo pipefail

need=()
command -v dockerd >/dev/null 2>&1 || need+=(docker.io)
case "$(/bin/busybox --list 2>/dev/null || true)" in *httpd*) ;; *) need+=(busybox-static) ;; esac
if [ ${#need[@]} -gt 0 ]; then
  echo "ensure-docker: installing ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get -o DPkg::Lock::Timeout=900 install -y --no-install-recommends "${need[@]}" \
    || { apt-get -o DPkg::Lock::Timeout=900 update && apt-get -o DPkg::Lock::Timeout=900 install -y --no-install-recommends "${need[@]}"; }
fi

if docker info >/dev/null 2>&1; then
  echo "ensure-docker: Docker Engine $(docker info --format '{{.ServerVersion}}') answers"
  exit 0
fi

echo "ensure-docker: starting dockerd (log: /tmp/dockerd.log)"
nohup dockerd >/tmp/dockerd.log 2>&1 &
for _ in $(seq 1 120); do
  if docker info >/dev/null 2>&1; then
    echo "ensure-docker: Docker Engine $(docker info --format '{{.ServerVersion}}') answers"
    exit 0
  fi
  sleep 1
done
echo "ensure-docker: dockerd did not answer within 120 s; its log:" >&2
tail -50 /tmp/dockerd.log >&2
exit 1
