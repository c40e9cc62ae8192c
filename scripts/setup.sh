#!/usr/bin/env bash
# Installs everything the demo and the tests need, on a fresh machine of this kind, with no manual
# step: Debian packages (chromium for Playwright), Node 24 + pnpm (scripts/toolchain.sh), the
# workspace's dependencies, and the pinned local control plane (tools/cluster). Idempotent; warm
# runs take seconds.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
stage() { printf '\n== %s (%s)\n' "$1" "$(date +%H:%M:%S)"; }

need_apt=()
command -v curl >/dev/null || need_apt+=(curl)
command -v openssl >/dev/null || need_apt+=(openssl)
command -v ss >/dev/null || need_apt+=(iproute2)
command -v flock >/dev/null || need_apt+=(util-linux)
command -v patch >/dev/null || need_apt+=(patch)   # tools/cluster patches KWOK before compiling it
# docker-compose: `docker-compose config` validates docker-compose.yml offline (the docker client here has no compose plugin).
command -v docker-compose >/dev/null || need_apt+=(docker-compose)
if [ "${WHEELHOUSE_SKIP_BROWSER:-}" != 1 ] && [ ! -x /usr/bin/chromium ]; then need_apt+=(chromium fonts-liberation); fi
if [ ${#need_apt[@]} -gt 0 ]; then
  stage "apt-get install ${need_apt[*]}"
  if [ "$(id -u)" != 0 ]; then
    echo "setup: need root to install ${need_apt[*]} (or install them yourself)" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q >/dev/null
  apt-get install -y -q "${need_apt[@]}" >/dev/null
fi

stage "Node 24 and pnpm"
. "$root/scripts/toolchain.sh"
node --version
pnpm --version

stage "pnpm install"
pnpm install --frozen-lockfile --prefer-offline

stage "local control plane binaries"
"$root/tools/cluster/cluster" build
