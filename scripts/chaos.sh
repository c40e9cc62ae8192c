#!/usr/bin/env bash
# make chaos: build if needed, start the private cluster instance "chaos" (KWOK fast stages, 127.0.0.1
# only), run chaos/src/main.ts (churn + seeded overlapping faults under browser tabs and protocol
# clients, checked against fresh LISTs; options in that file: CHAOS_SEED, CHAOS_DURATION, …), write
# artifacts/chaos/<seed>.{json,md}, and stop the cluster again unless it was already up or
# CHAOS_KEEP_CLUSTER=1. The default cluster is never touched. Exit status: the run's (0 = no divergence).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
. "$root/scripts/toolchain.sh"

export WHEELHOUSE_CLUSTER="${CHAOS_CLUSTER:-chaos}"
export WHEELHOUSE_KWOK_STAGES=fast
[ "$WHEELHOUSE_CLUSTER" != default ] || { echo "chaos: refusing to run on the default cluster" >&2; exit 2; }
unset WHEELHOUSE_KUBECONFIG KUBECONFIG

# Build only when the production bundles are missing or older than a source file.
if [ "${CHAOS_SKIP_BUILD:-0}" != 1 ]; then
  if [ ! -f apps/bff/dist/server.mjs ] || [ ! -f apps/web/dist/index.html ] ||
    [ -n "$(find apps/bff/src apps/web/src packages/*/src -newer apps/bff/dist/server.mjs -print -quit)" ]; then
    echo "chaos: pnpm build" >&2
    pnpm build >/dev/null
  fi
fi

cluster_was_up=0
tools/cluster/cluster status >/dev/null 2>&1 && cluster_was_up=1
cleanup() {
  if [ "$cluster_was_up" = 0 ] && [ "${CHAOS_KEEP_CLUSTER:-0}" != 1 ]; then
    "$root/tools/cluster/cluster" down >&2 || true
  fi
}
# Set before `up`, so a start-up that fails half-way is cleaned up too.
trap cleanup EXIT
tools/cluster/cluster up >&2

# Bounded: churn + quiet + trials + set-up, with room to spare.
limit=$(( ${CHAOS_DURATION:-600} + 60 * ${CHAOS_TRIALS:-20} + 600 ))
# tsx itself (not through pnpm), so the timeout's signal reaches the run and not only a wrapper.
(cd chaos && exec timeout --signal=TERM --kill-after=30 "$limit" ./node_modules/.bin/tsx src/main.ts)
