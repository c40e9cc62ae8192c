#!/usr/bin/env bash
# make bench: build the production BFF and SPA, start the private bench cluster (instance "bench",
# KWOK fast stages, 127.0.0.1 only), run bench/src/main.ts (the soak last; a failed soak exits 1),
# write bench/results/<date>.json and bench/RESULTS.md, and stop the bench cluster again (unless BENCH_KEEP_CLUSTER=1). The default
# cluster is never touched. Options are environment variables, listed in bench/src/main.ts.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
. "$root/scripts/toolchain.sh"

export WHEELHOUSE_CLUSTER="${BENCH_CLUSTER:-bench}"
export WHEELHOUSE_KWOK_STAGES=fast
# KWOK plays 32 pod status changes at once (its default, 4, makes pods Running at ~50/s at best).
export WHEELHOUSE_KWOK_PARALLELISM="${WHEELHOUSE_KWOK_PARALLELISM:-32}"
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

# Bounded: the whole run gets at most two hours — 30k pods in one namespace (~20–40 min on 2 shared
# cores), then 100k pods across 1,000 namespaces (growth capped at BENCH_ALLNS's budget, 30 min by
# default, then its measurements, ~15 min) — plus the soak's own length and 10 minutes for its set-up
# and final check when it runs (BENCH_TIMEOUT overrides the total).
soak_s=0
case ",${BENCH_ONLY:-soak}," in *,soak,*) soak_s=$(( (${BENCH_SOAK_MINUTES:-30} + 10) * 60 )) ;; esac
timeout --signal=TERM --kill-after=30 "${BENCH_TIMEOUT:-$((7200 + soak_s))}" \
  pnpm --filter @wheelhouse/bench exec tsx src/main.ts
pnpm exec biome format --write bench/results >/dev/null 2>&1 || true
echo "bench: results in bench/RESULTS.md" >&2
