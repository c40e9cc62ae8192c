#!/usr/bin/env bash
# `make dev`: BFF in watch mode (tsx) on 127.0.0.1:7070 and the vite dev server on 127.0.0.1:5173
# (which proxies /api to the BFF), against the local cluster unless KUBECONFIG is already set.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
. scripts/toolchain.sh
if [ -z "${KUBECONFIG:-}" ]; then
  tools/cluster/cluster up
  export KUBECONFIG="$(tools/cluster/cluster env | sed 's/^export KUBECONFIG=//')"
fi
export WHEELHOUSE_ALLOWED_ORIGINS="${WHEELHOUSE_ALLOWED_ORIGINS:-http://127.0.0.1:5173,http://localhost:5173}"
echo "open http://127.0.0.1:5173/ (BFF on http://127.0.0.1:7070)"
exec pnpm dev
