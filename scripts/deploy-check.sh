#!/usr/bin/env bash
# The deploy checks, against the running local cluster (started if needed), bounded in time:
#   - Dockerfile and .dockerignore statically; the production build run the way the image runs it
#     (its ENV, CMD and HEALTHCHECK) and with docker-compose.yml's environment;
#   - docker-compose.yml validated by `docker-compose config` (Debian's, offline);
#   - the Helm chart: `helm lint` / `helm template` for every tier, deploy/manifests drift;
#   - the manifests server-side applied into fresh namespaces, the Deployment Available, RBAC proven
#     with the ServiceAccount's own token (production BFF) and `kubectl auth can-i --as`.
# They are vitest files (apps/bff/test/deploy/*.deploy.ts) so they count in `make test`'s totals; this
# script builds what they need, runs them, and prints PASS/FAIL per check. Exit non-zero on any failure.
# Needs: `pnpm build` done (built here if missing), docker-compose (scripts/setup.sh installs it).
# Environment: WHEELHOUSE_TEST_RESULTS (where deploy.json goes, default artifacts/test-results),
# WHEELHOUSE_KUBECONFIG (reuse a running cluster), WHEELHOUSE_DEPLOY_CHECK_TIMEOUT (s, default 900).
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
. scripts/toolchain.sh
results="${WHEELHOUSE_TEST_RESULTS:-$root/artifacts/test-results}"
mkdir -p "$results"
report="$results/deploy.json"
rm -f "$report"
say() { printf '[deploy-check %s] %s\n' "$(date +%H:%M:%S)" "$*"; }

command -v docker-compose >/dev/null || { say "FAIL: docker-compose is missing (scripts/setup.sh installs Debian's)"; exit 1; }
timeout 1200 tools/helm/helm.sh build || { say "FAIL: could not build helm"; exit 1; }
WHEELHOUSE_HELM="$(tools/helm/helm.sh path)/helm"
export WHEELHOUSE_HELM
if [ ! -f apps/bff/dist/server.mjs ] || [ ! -f apps/web/dist/index.html ]; then
  say "no production build: pnpm build"
  pnpm build >/dev/null || { say "FAIL: pnpm build"; exit 1; }
fi

say "vitest: apps/bff/test/deploy/*.deploy.ts ($($WHEELHOUSE_HELM version --short), $(docker-compose version --short 2>/dev/null || echo docker-compose))"
timeout "${WHEELHOUSE_DEPLOY_CHECK_TIMEOUT:-900}" pnpm --filter @wheelhouse/bff exec vitest run \
  --config "$root/deploy/test/vitest.config.mjs" --reporter=default --reporter=json --outputFile="$report"
rc=$?
[ $rc -eq 124 ] && say "FAIL: timed out after ${WHEELHOUSE_DEPLOY_CHECK_TIMEOUT:-900}s"
if [ -f "$report" ]; then
  node -e '
    const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    let pass = 0, fail = 0;
    for (const f of r.testResults) for (const t of f.assertionResults) {
      const ok = t.status === "passed";
      ok ? pass++ : fail++;
      console.log(`${ok ? "PASS" : t.status === "failed" ? "FAIL" : t.status.toUpperCase()}  ${[...t.ancestorTitles, t.title].join(" › ")}`);
    }
    console.log(`deploy-check: ${pass} passed, ${fail} failed`);
  ' "$report"
else
  say "FAIL: no report written"
  rc=1
fi
exit $rc
