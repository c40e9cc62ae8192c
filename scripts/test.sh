#!/usr/bin/env bash
# Every test, at every layer: lint, import rules (dependency-cruiser: no cycles, feature
# boundaries), typecheck, unit (core, shared-types, web), integration (BFF and testkit against the
# real local cluster), production build, Playwright e2e (real cluster, real BFF, Debian's chromium),
# and a short chaos run at a fixed seed on a private cluster.
# Prints the time of each stage and a closing "N passed, N failed" line.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
results="$root/artifacts/test-results"
rm -rf "$results"
mkdir -p "$results"
failed_stages=()
t_all=$SECONDS

stage() { # NAME CMD...
  local name="$1"; shift
  local t0=$SECONDS
  printf '\n== %s (%s)\n' "$name" "$(date +%H:%M:%S)"
  if "$@"; then
    printf -- '-- %s: ok in %ss\n' "$name" $((SECONDS - t0))
  else
    printf -- '-- %s: FAILED in %ss\n' "$name" $((SECONDS - t0))
    failed_stages+=("$name")
  fi
}

stage setup "$root/scripts/setup.sh" || true
. "$root/scripts/toolchain.sh"
[ ${#failed_stages[@]} -eq 0 ] || { echo "setup failed: nothing else can run"; echo "tests: 0 passed, 1 failed"; exit 1; }

# Leave the machine as we found it: a cluster this run started is stopped at the end.
cluster_was_up=0
"$root/tools/cluster/cluster" status >/dev/null 2>&1 && cluster_was_up=1
stage "cluster up" "$root/tools/cluster/cluster" up
export WHEELHOUSE_KUBECONFIG
WHEELHOUSE_KUBECONFIG="$("$root/tools/cluster/cluster" env | sed 's/^export KUBECONFIG=//')"

vitest() { # PACKAGE-FILTER REPORT-NAME
  pnpm --filter "$1" exec vitest run --reporter=default --reporter=json --outputFile="$results/$2.json"
}

stage lint pnpm lint
stage "depcheck: import cycles and feature boundaries" pnpm depcheck
stage "house: README links resolve, long files say why" node scripts/check-house.mjs
stage typecheck pnpm typecheck
stage "unit: core" vitest @wheelhouse/core core
stage "unit: shared-types" vitest @wheelhouse/shared-types shared-types
stage "unit: web" vitest @wheelhouse/web web
stage "integration: testkit" vitest @wheelhouse/testkit testkit
stage "integration: bff" vitest @wheelhouse/bff bff
stage "build" pnpm build
stage "deploy: image, compose, chart on the cluster" env WHEELHOUSE_TEST_RESULTS="$results" "$root/scripts/deploy-check.sh"
stage "seed demo" "$root/tools/cluster/cluster" seed
stage "e2e: playwright" env PLAYWRIGHT_JSON_OUTPUT_NAME="$results/e2e.json" pnpm --filter @wheelhouse/e2e exec playwright test --reporter=list,json
stage "e2e: faults (BFF and kube-apiserver restarts)" env WHEELHOUSE_E2E_FAULTS=1 PLAYWRIGHT_JSON_OUTPUT_NAME="$results/e2e-faults.json" pnpm --filter @wheelhouse/e2e exec playwright test tests/faults- --reporter=list,json
# make chaos, short and at its fixed seed, on a private instance of its own (up and down here, so the
# apiserver kills and compactions never touch the cluster the other stages use): every fault kind once
# under 60 s of churn, 2 tabs and 10 protocol clients, then 2 apiserver-kill trials.
stage "chaos: short fixed-seed run (private cluster chaos-short)" env CHAOS_CLUSTER=chaos-short CHAOS_SKIP_BUILD=1 \
  CHAOS_SEED=15 CHAOS_DURATION=60 CHAOS_FAULT_EVERY=60 CHAOS_TABS=2 CHAOS_CLIENTS=10 CHAOS_TRIALS=2 CHAOS_QUIET=10 \
  CHAOS_REPORT_DIR="$root/artifacts/chaos-short" CHAOS_SUMMARY="$results/chaos-short.json" "$root/scripts/chaos.sh"

if [ "$cluster_was_up" = 0 ] && [ "${WHEELHOUSE_KEEP_CLUSTER:-}" != 1 ]; then
  "$root/tools/cluster/cluster" down || true
fi

printf '\n== summary (%ss in all)\n' $((SECONDS - t_all))
node "$root/scripts/summarize-tests.mjs" "$results" "${failed_stages[@]}"
