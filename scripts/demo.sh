#!/usr/bin/env bash
# `make demo`: the dashboard on the embedded default — the local control plane seeded with demo
# workloads — served by the production build on http://127.0.0.1:7070 (WHEELHOUSE_PORT to change).
# Ctrl-C stops the dashboard; the cluster keeps running (`make cluster-down` stops it).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
WHEELHOUSE_SKIP_BROWSER=1 scripts/setup.sh
. scripts/toolchain.sh
tools/cluster/cluster up
tools/cluster/cluster seed
pnpm build
port="${WHEELHOUSE_PORT:-7070}"
kubeconfig="$(tools/cluster/cluster env | sed 's/^export KUBECONFIG=//')"
cat <<MSG

  Wheelhouse is starting on the local cluster (kubeconfig: $kubeconfig)

      open  http://127.0.0.1:$port/

  Reached from another machine? Forward the port: ssh -L $port:127.0.0.1:$port <this host>
  Ctrl-C stops the dashboard; \`make cluster-down\` stops the cluster.

MSG
export KUBECONFIG="$kubeconfig" WHEELHOUSE_PORT="$port" WHEELHOUSE_STATIC_DIR="$root/apps/web/dist"
exec node apps/bff/dist/server.mjs
