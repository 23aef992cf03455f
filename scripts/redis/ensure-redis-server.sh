#!/usr/bin/env bash
# Installs Debian's redis-server when it is missing (idempotent); `npm run test:redis` and
# .ci/run call it. The suite starts its own server on a free port: no service is left running.
set -euo pipefail
if command -v redis-server >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "redis-server is missing; install Debian's redis-server package (as root: apt-get install -y redis-server)" >&2
  exit 1
fi
echo "Installing redis-server (Debian package)..."
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends redis-server >/dev/null
redis-server --version
