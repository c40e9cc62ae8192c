# shellcheck shell=bash
# `cluster seed [--live] [--live-minutes N]`: fill the `demo` namespace with workloads that show
# off a dashboard. Re-runnable: every run converges on the same picture.
#
#   frontend  3 replicas, httpGet probes on the named port `http`, requests/limits, a ConfigMap
#             volume and Secret env vars, behind Service `frontend`. All Ready.
#   api       4 replicas, minReadySeconds 30, maxSurge 1 / maxUnavailable 0. Every run that finds
#             the rollout finished starts a new one with `kubectl set image` (change-cause set),
#             so a rollout is visibly in progress for ~2.5 minutes afterwards.
#   payments  2 replicas whose Ready condition is patched to False (ReadinessProbeFailed), so the
#             `payments` EndpointSlice lists them as not ready.
#   worker    2 replicas; one pod shows 4 restarts, last terminated OOMKilled (exit 137).
#   ConfigMaps frontend-config (several keys + a multi-line nginx.conf), brand-assets (binaryData).
#   Secrets   frontend-secrets + payments-db (Opaque), frontend-tls (kubernetes.io/tls, fake PEM),
#             registry-credentials (kubernetes.io/dockerconfigjson). Every value is fake.
#   Logs      every container logs a few lines (one in colour, one on stderr), once.
#
# The objects are the YAML files in tools/cluster/seed/. KWOK runs no containers, so readiness and
# restarts are written into pod status (with the kubelet's Events) by packages/testkit, the same
# code the tests use, through its command line (packages/testkit/src/cli.ts); KWOK only moves
# Pending pods, so the patches stick. Log lines come from seed/pod-logs.json.
#
# --live keeps the namespace moving in the foreground until Ctrl-C or --live-minutes N (default
# 60): every WHEELHOUSE_SEED_INTERVAL seconds (default 120) it sets a new image on `api` and flips
# the readiness of one `payments` or `frontend` pod, printing what it did; and every
# WHEELHOUSE_SEED_LOG_INTERVAL seconds (default 5) a new log line appears.

SEED_NS=demo
SEED_PART_OF=wheelhouse-demo
SEED_API_BASE_IMAGE=registry.invalid/api:2.3.0
SEED_DIR="$CLUSTER_DIR/seed"
SEED_REPO_ROOT="$(cd "$CLUSTER_DIR/../.." && pwd)"
SEED_NOT_READY_MESSAGE='Readiness probe failed: HTTP probe failed with statuscode: 503'

seed_log() { printf '[seed %s] %s\n' "$(date +%H:%M:%S)" "$*"; }

# seed_poll DESCRIPTION TIMEOUT_SECONDS CMD...: bounded polling, once a second.
seed_poll() {
  local what="$1" timeout="$2" i; shift 2
  for ((i = 0; i < timeout; i++)); do
    "$@" >/dev/null 2>&1 && return 0
    sleep 1
  done
  die "timed out after ${timeout}s waiting for $what"
}

# ---- pod shaping: packages/testkit ------------------------------------------------------

# Node 24 from the project's toolchain and the workspace's dependencies (tsx runs the testkit).
seed_toolchain() {
  # shellcheck source=../../../scripts/toolchain.sh
  . "$SEED_REPO_ROOT/scripts/toolchain.sh" || die "could not set up Node (scripts/toolchain.sh)"
  [ -d "$SEED_REPO_ROOT/packages/testkit/node_modules/tsx" ] ||
    die "the workspace's npm dependencies are not installed: run scripts/setup.sh (or pnpm install)"
}

# seed_testkit COMMAND ARGS...: packages/testkit/src/cli.ts against this cluster, in a subshell.
seed_testkit() { (seed_testkit_exec "$@"); }

# The same, replacing the current (sub)shell: `seed_testkit_exec … &` makes $! node's own PID, so
# a background run can be stopped by its PID.
seed_testkit_exec() {
  cd "$SEED_REPO_ROOT/packages/testkit" || die "no packages/testkit in $SEED_REPO_ROOT"
  WHEELHOUSE_KUBECONFIG="$KUBECONFIG_PATH" exec node --import tsx src/cli.ts "$@"
}

# seed_set_ready true|false POD...: as a (failing) readiness probe would; not ready records the
# kubelet's Unhealthy Event too.
seed_set_ready() {
  local ready="$1"; shift
  if [ "$ready" = true ]; then
    seed_testkit ready "$SEED_NS" true "$@"
  else
    seed_testkit ready "$SEED_NS" false "$@" --message "$SEED_NOT_READY_MESSAGE" \
      --event --event-label "app.kubernetes.io/part-of=$SEED_PART_OF"
  fi
}

# ---- queries ------------------------------------------------------------------------------

# Running, not-terminating pods of an app, one "name ready" per line, sorted by name.
seed_pods() {
  # shellcheck disable=SC2016
  kctl -n "$SEED_NS" get pods -l "app=$1" --sort-by=.metadata.name -o go-template='{{range .items}}{{if and (eq .status.phase "Running") (not .metadata.deletionTimestamp)}}{{.metadata.name}} {{range .status.conditions}}{{if eq .type "Ready"}}{{.status}}{{end}}{{end}}{{"\n"}}{{end}}{{end}}'
}

seed_pods_running() { # APP COUNT: at least COUNT Running pods and none still Pending
  local n pending
  n="$(seed_pods "$1" | grep -c .)" || true
  pending="$(kctl -n "$SEED_NS" get pods -l "app=$1" --field-selector=status.phase=Pending -o name | grep -c .)" || true
  [ "${n:-0}" -ge "$2" ] && [ "${pending:-0}" -eq 0 ]
}

seed_rollout_done() {
  local s
  # generation/observed, spec replicas, status replicas, updated, available
  s="$(kctl -n "$SEED_NS" get deploy "$1" -o jsonpath='{.metadata.generation} {.status.observedGeneration} {.spec.replicas} {.status.replicas} {.status.updatedReplicas} {.status.availableReplicas}')"
  # shellcheck disable=SC2086
  set -- $s
  [ "$#" -eq 6 ] && [ "$1" = "$2" ] && [ "$3" = "$4" ] && [ "$3" = "$5" ] && [ "$3" = "$6" ]
}

# 2.3.0 -> 2.4.0 (the first rollout), then 2.4.0 -> 2.4.1 -> 2.4.2 ...
seed_next_api_image() {
  local current="$1" repo tag
  repo="${current%:*}"; tag="${current##*:}"
  if [ "$current" = "$SEED_API_BASE_IMAGE" ]; then echo "$repo:2.4.0"; return; fi
  if [[ "$tag" =~ ^(.*[^0-9])?([0-9]+)$ ]]; then
    echo "$repo:${BASH_REMATCH[1]}$((BASH_REMATCH[2] + 1))"
  else
    echo "$repo:$tag-1"
  fi
}

seed_roll_api() {
  local current next
  current="$(kctl -n "$SEED_NS" get deploy api -o jsonpath='{.spec.template.spec.containers[?(@.name=="api")].image}')"
  next="$(seed_next_api_image "$current")"
  kctl -n "$SEED_NS" set image deployment/api "api=$next" >/dev/null
  kctl -n "$SEED_NS" annotate deployment/api --overwrite \
    "kubernetes.io/change-cause=kubectl set image deployment/api api=$next" >/dev/null
  seed_log "api: kubectl set image deployment/api api=$next (was $current); rolling 1 pod at a time, each needs 30s Ready"
}

# ---- commands -----------------------------------------------------------------------------

seed_converge() {
  [ -x "$BIN_DIR/kubectl" ] || die "kubectl is not built yet: run 'tools/cluster/cluster up' first"
  [ -f "$KUBECONFIG_PATH" ] && kctl get --raw /readyz >/dev/null 2>&1 ||
    die "cluster \"$CLUSTER_NAME\" is not running: run 'tools/cluster/cluster up' first"

  seed_log "applying namespace $SEED_NS"
  kctl apply -f "$SEED_DIR/namespace.yaml" >/dev/null
  seed_poll "the default ServiceAccount in $SEED_NS" 30 kctl -n "$SEED_NS" get serviceaccount default

  # `kubectl apply` would put api's image back to the manifest's, undoing the rollouts that
  # `set image` started, so an existing api keeps its current image and change-cause.
  local api_existed=false api_image="$SEED_API_BASE_IMAGE" api_cause api
  api_cause="initial deploy of $SEED_API_BASE_IMAGE"
  if kctl -n "$SEED_NS" get deploy api >/dev/null 2>&1; then
    api_existed=true
    api_image="$(kctl -n "$SEED_NS" get deploy api -o jsonpath='{.spec.template.spec.containers[?(@.name=="api")].image}')"
    api_cause="$(kctl -n "$SEED_NS" get deploy api -o jsonpath='{.metadata.annotations.kubernetes\.io/change-cause}')"
  fi
  api="$(<"$SEED_DIR/api.yaml")"
  api="${api//@API_IMAGE@/$api_image}"
  api="${api//@API_CHANGE_CAUSE@/$api_cause}"
  seed_log "applying ConfigMaps, Secrets, Services and Deployments"
  # frontend-tls holds a deliberately fake PEM; the apiserver's "x509: malformed certificate"
  # warning about it is expected, so it is filtered out here.
  kctl -n "$SEED_NS" apply -f "$SEED_DIR/configmaps.yaml" -f "$SEED_DIR/services.yaml" \
    -f "$SEED_DIR/deployments.yaml" -f - -f "$SEED_DIR/secrets.yaml" <<<"$api" \
    2> >(grep -v 'x509: malformed certificate' >&2) | sed 's/^/  /'

  seed_log "waiting for frontend, payments and worker pods to run"
  seed_poll "3 Running frontend pods" 90 seed_pods_running frontend 3
  seed_poll "2 Running payments pods" 90 seed_pods_running payments 2
  seed_poll "2 Running worker pods" 90 seed_pods_running worker 2

  # One testkit run per change (each starts Node), for all the pods it concerns.
  local pod pods=()
  mapfile -t pods < <(seed_pods payments | awk '$2 != "False" { print $1 }')
  if [ ${#pods[@]} -gt 0 ]; then
    if seed_set_ready false "${pods[@]}"; then
      for pod in "${pods[@]}"; do seed_log "payments: $pod Ready=False (ReadinessProbeFailed)"; done
    else
      seed_log "payments: could not mark ${pods[*]} not ready (see above); carrying on"
    fi
  fi
  mapfile -t pods < <(seed_pods frontend | awk '$2 != "True" { print $1 }')
  if [ ${#pods[@]} -gt 0 ]; then
    if seed_set_ready true "${pods[@]}"; then
      for pod in "${pods[@]}"; do seed_log "frontend: $pod Ready=True again"; done
    else
      seed_log "frontend: could not mark ${pods[*]} ready (see above); carrying on"
    fi
  fi

  local restarted
  restarted="$(kctl -n "$SEED_NS" get pods -l app=worker -o jsonpath='{.items[*].status.containerStatuses[*].restartCount}')"
  if ! [[ " $restarted " =~ \ [1-9] ]]; then
    pod="$(seed_pods worker | head -n1 | cut -d' ' -f1)"
    # The run before the OOM kill lasted 19 minutes; a BackOff Event as the kubelet records it.
    seed_testkit restarts "$SEED_NS" "$pod" --container worker --count 4 --reason OOMKilled --exit-code 137 \
      --ran-for 1140 --event --event-label "app.kubernetes.io/part-of=$SEED_PART_OF"
    seed_log "worker: $pod shows 4 restarts, last terminated OOMKilled (exit 137)"
  fi

  # KWOK serves one log file for every container: the lines are written once, not per pod.
  seed_testkit logs "$SEED_DIR/pod-logs.json" --set start --once
  seed_log "logs: every container has logged its start-up lines (kubectl -n $SEED_NS logs deploy/frontend)"

  if [ "$api_existed" = false ]; then
    seed_log "api: waiting for revision 1 to become available (minReadySeconds 30)"
    kctl -n "$SEED_NS" rollout status deployment/api --timeout=180s >/dev/null ||
      die "deployment/api did not become available"
  fi
  if seed_rollout_done api; then
    seed_roll_api
  else
    seed_log "api: a rollout is already in progress ($(kctl -n "$SEED_NS" get deploy api -o jsonpath='{.spec.template.spec.containers[0].image}')), leaving it alone"
  fi
  seed_log "done. Look at it with: kubectl -n $SEED_NS get deploy,rs,pods,svc,endpointslices,cm,secrets"
}

# One live tick: new api image, then flip one pod. Odd ticks touch payments, even ones frontend;
# a pod flipped away from its usual state is flipped back on that app's next turn.
seed_live_tick() {
  local tick="$1" app usual other pod ready
  seed_roll_api
  if ((tick % 2)); then app=payments usual=False; else app=frontend usual=True; fi
  [ "$usual" = True ] && other=False || other=True
  pod="$(seed_pods "$app" | awk -v s="$other" '$2 == s { print $1; exit }')"
  if [ -n "$pod" ]; then
    if [ "$usual" = True ]; then seed_set_ready true "$pod"; else seed_set_ready false "$pod"; fi
    seed_log "$app: $pod back to Ready=$usual"
    return 0
  fi
  pod="$(seed_pods "$app" | awk '{ print $1 }' | shuf -n1)"
  [ -n "$pod" ] || { seed_log "$app: no Running pod to flip"; return 0; }
  if [ "$other" = True ]; then seed_set_ready true "$pod"; else seed_set_ready false "$pod"; fi
  seed_log "$app: $pod flipped to Ready=$other"
}

seed_live() {
  local minutes="$1" interval="${WHEELHOUSE_SEED_INTERVAL:-120}" log_every="${WHEELHOUSE_SEED_LOG_INTERVAL:-5}"
  [[ "$interval" =~ ^[0-9]+$ ]] && [ "$interval" -ge 1 ] || die "WHEELHOUSE_SEED_INTERVAL must be a whole number of seconds"
  [[ "$log_every" =~ ^[0-9]+$ ]] && [ "$log_every" -ge 1 ] || die "WHEELHOUSE_SEED_LOG_INTERVAL must be a whole number of seconds"
  local deadline=$((SECONDS + minutes * 60)) max_ticks=$(((minutes * 60) / interval + 1)) tick=0 i
  # A new log line every $log_every seconds, for the same minutes (the testkit bounds it itself too).
  seed_testkit_exec logs "$SEED_DIR/pod-logs.json" --set live --every "$log_every" --minutes "$minutes" &
  SEED_TRICKLE_PID=$!
  trap 'seed_stop_trickle; seed_log "live mode stopped after $tick change(s)"; exit 0' INT TERM
  seed_log "live mode: a change every ${interval}s and a log line every ${log_every}s for ${minutes} minute(s) (Ctrl-C stops it)"
  while ((tick < max_ticks)); do
    for ((i = 0; i < interval && SECONDS < deadline; i++)); do sleep 1; done
    ((SECONDS < deadline)) || break
    tick=$((tick + 1))
    seed_live_tick "$tick" || seed_log "tick $tick failed; carrying on"
  done
  trap - INT TERM
  seed_stop_trickle
  seed_log "live mode finished after $tick change(s) (--live-minutes $minutes)"
}

# Stop the log trickle by the PID this run started it with.
seed_stop_trickle() {
  [ -n "${SEED_TRICKLE_PID:-}" ] || return 0
  kill -TERM "$SEED_TRICKLE_PID" 2>/dev/null || true
  wait "$SEED_TRICKLE_PID" 2>/dev/null || true
  SEED_TRICKLE_PID=
}

cmd_seed() {
  local live=false minutes=60
  while [ $# -gt 0 ]; do
    case "$1" in
      --live) live=true ;;
      --live-minutes) [ $# -ge 2 ] || die "--live-minutes needs a number"; minutes="$2"; live=true; shift ;;
      --live-minutes=*) minutes="${1#*=}"; live=true ;;
      -h|--help) sed -n '2,/^$/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//'; return 0 ;;
      *) die "seed: unknown option '$1' (use --live, --live-minutes N)" ;;
    esac
    shift
  done
  [[ "$minutes" =~ ^[0-9]+$ ]] && [ "$minutes" -ge 1 ] || die "--live-minutes needs a whole number >= 1"
  seed_toolchain
  seed_converge
  if [ "$live" = true ]; then seed_live "$minutes"; fi
}
