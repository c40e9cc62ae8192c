#!/usr/bin/env bash
# make bench: build the production BFF and SPA, start the private bench cluster (instance "bench",
# KWOK fast stages, 127.0.0.1 only), run bench/src/main.ts, write bench/results/<date>.json and
# bench/RESULTS.md, and stop the bench cluster again (unless BENCH_KEEP_CLUSTER=1). The default
# cluster is never touched. Options are environment variables, listed in bench/src/main.ts.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
. "$root/scripts/toolchain.sh"

export WHEELHOUSE_CLUSTER="${BENCH_CLUSTER:-bench}"
export WHEELHOUSE_KWOK_STAGES=fast
[ "$WHEELHOUSE_CLUSTER" != default ] || { echo "bench: refusing to run on the default cluster" >&2; exit 2; }
unset WHEELHOUSE_KUBECONFIG KUBECONFIG

if [ "${BENCH_SKIP_BUILD:-0}" != 1 ]; then
  echo "bench: pnpm build" >&2
  pnpm build >/dev/null
fi

cluster_was_up=0
tools/cluster/cluster status >/dev/null 2>&1 && cluster_was_up=1
cleanup() {
  if [ "$cluster_was_up" = 0 ] && [ "${BENCH_KEEP_CLUSTER:-0}" != 1 ]; then
    tools/cluster/cluster down >&2 || true
  fi
}
# Set before `up`, so a start-up that fails half-way is cleaned up too.
trap cleanup EXIT
tools/cluster/cluster up >&2

# Bounded: the whole run (30k pods included) gets at most 90 minutes.
timeout --signal=TERM --kill-after=30 "${BENCH_TIMEOUT:-5400}" \
  pnpm --filter @wheelhouse/bench exec tsx src/main.ts
pnpm exec biome format --write bench/results >/dev/null 2>&1 || true
echo "bench: results in bench/RESULTS.md" >&2
