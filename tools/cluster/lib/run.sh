# shellcheck shell=bash
# `cluster up | down | status`: run the control plane on 127.0.0.1 from the cached binaries.
# Every process is started by this script, recorded in $STATE_DIR/pids/<name>.pid, and stopped
# by that PID only.

COMPONENTS=(etcd kube-apiserver kube-controller-manager kube-scheduler kwok)
NODE_COUNT="${WHEELHOUSE_NODES:-2}"
KWOK_STAGES="${WHEELHOUSE_KWOK_STAGES:-general}"

port_in_use() { [ -n "$(ss -Htln "sport = :$1" 2>/dev/null)" ]; }

# free_port: a port nobody listens on and that this run has not handed out yet.
_allocated=" "
# Ports come from below the kernel's ephemeral range: a port inside it can be taken by any outgoing
# connection's local end (seen: the apiserver's etcd client took the scheduler's port between choosing
# and binding), which no check beforehand can prevent.
free_port() {
  local p i lo=32768
  read -r lo _ </proc/sys/net/ipv4/ip_local_port_range 2>/dev/null || lo=32768
  [ "$lo" -gt 21024 ] 2>/dev/null || lo=32768
  for i in $(seq 1 200); do
    p=$((20000 + RANDOM % (lo - 20000)))
    case "$_allocated" in *" $p "*) continue ;; esac
    if ! port_in_use "$p"; then _allocated+="$p "; echo "$p"; return 0; fi
  done
  die "no free TCP port found on 127.0.0.1 after 200 tries"
}

pid_of() { local f="$STATE_DIR/pids/$1.pid"; [ -f "$f" ] && cat "$f"; }

# alive NAME: the recorded PID runs and is really our binary (not a recycled PID). Any cached
# build of it counts, so a cluster started before the cache key changed is still seen and stopped.
alive() {
  local pid argv0; pid="$(pid_of "$1")" || return 1
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 1
  argv0="$(tr '\0' '\n' <"/proc/$pid/cmdline" 2>/dev/null | head -n1)"
  [[ "$argv0" == "$CACHE_ROOT"/k8s/*/bin/"$1" ]]
}

start_proc() {
  local name="$1"; shift
  mkdir -p "$STATE_DIR/pids" "$STATE_DIR/logs" "$STATE_DIR/args"
  # Keep the exact arguments so `cluster restart NAME` can start the same process again.
  printf '%s\0' "$@" >"$STATE_DIR/args/$name"
  # KWOK runs the commands of `kubectl exec` itself (see write_pod_exec_config): it starts with a
  # clean environment, not the caller's, which those commands would inherit.
  local -a env=()
  if [ "$name" = kwok ]; then env=(env -i "PATH=$POD_EXEC_PATH" "HOME=$STATE_DIR/pod-exec"); fi
  setsid "${env[@]}" "$BIN_DIR/$name" "$@" >>"$STATE_DIR/logs/$name.log" 2>&1 </dev/null 9>&- &
  echo $! >"$STATE_DIR/pids/$name.pid"
}

stop_proc() {
  local name="$1" pid i
  pid="$(pid_of "$name")" || return 0
  if alive "$name"; then
    kill -TERM "$pid" 2>/dev/null || true
    for i in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    if kill -0 "$pid" 2>/dev/null; then
      log "$name (pid $pid) still running 5s after SIGTERM; sending SIGKILL"
      kill -KILL "$pid" 2>/dev/null || true
    fi
  fi
  rm -f "$STATE_DIR/pids/$name.pid"
}

# ---- readiness --------------------------------------------------------------------------
wait_for() { # DESCRIPTION TIMEOUT_SECONDS CMD...
  local what="$1" timeout="$2"; shift 2
  local start=$SECONDS
  until "$@" >/dev/null 2>&1; do
    if [ $((SECONDS - start)) -ge "$timeout" ]; then
      die "timed out after ${timeout}s waiting for $what (logs: $STATE_DIR/logs)"
    fi
    check_components_alive
    sleep 0.5
  done
}

# A component that exited during start-up (port taken, bad flag, …) is reported with its log's end.
check_components_alive() {
  local c
  for c in "${COMPONENTS[@]}"; do
    [ -f "$STATE_DIR/pids/$c.pid" ] || continue
    if ! alive "$c"; then
      echo "---- last lines of $STATE_DIR/logs/$c.log ----" >&2
      tail -n 15 "$STATE_DIR/logs/$c.log" >&2 || true
      die "$c exited during start-up (full log: $STATE_DIR/logs/$c.log)"
    fi
  done
}

apiserver_ready() {
  curl -sf --max-time 2 --cacert "$STATE_DIR/pki/ca.crt" --cert "$STATE_DIR/pki/admin.crt" \
    --key "$STATE_DIR/pki/admin.key" "https://127.0.0.1:$(cat "$STATE_DIR/ports/kube-apiserver")/readyz" |
    grep -qx ok
}

etcd_ready() { curl -sf --max-time 2 "http://127.0.0.1:$(cat "$STATE_DIR/ports/etcd")/health" | grep -q '"health":"true"'; }

all_alive() { local c; for c in "${COMPONENTS[@]}"; do alive "$c" || return 1; done; }

# ---- commands ---------------------------------------------------------------------------
stop_all() {
  local i
  for ((i = ${#COMPONENTS[@]} - 1; i >= 0; i--)); do stop_proc "${COMPONENTS[$i]}"; done
}

create_nodes() {
  local i
  for ((i = 0; i < NODE_COUNT; i++)); do
    cat <<EOF
apiVersion: v1
kind: Node
metadata:
  name: kwok-node-$i
  annotations:
    node.alpha.kubernetes.io/ttl: "0"
    kwok.x-k8s.io/node: fake
  labels:
    kubernetes.io/arch: amd64
    kubernetes.io/hostname: kwok-node-$i
    kubernetes.io/os: linux
    kubernetes.io/role: agent
    node-role.kubernetes.io/agent: ""
    type: kwok
---
EOF
  done | kctl apply -f - >/dev/null
}

smoke_test() {
  kctl get namespace wheelhouse-smoke >/dev/null 2>&1 || kctl create namespace wheelhouse-smoke >/dev/null
  kctl -n wheelhouse-smoke get deployment smoke >/dev/null 2>&1 ||
    kctl -n wheelhouse-smoke create deployment smoke --image=registry.invalid/smoke:1 --replicas=2 >/dev/null
  kctl -n wheelhouse-smoke rollout status deployment/smoke --timeout=120s >/dev/null ||
    die "the smoke Deployment did not become Ready (logs: $STATE_DIR/logs)"
}

print_info() {
  cat <<EOF
Local Kubernetes $K8S_VERSION is up (cluster "$CLUSTER_NAME").
  apiserver:  https://127.0.0.1:$(cat "$STATE_DIR/ports/kube-apiserver")
  kubeconfig: $KUBECONFIG_PATH
  kubectl:    $BIN_DIR/kubectl
  use it:     export KUBECONFIG=$KUBECONFIG_PATH PATH=$BIN_DIR:\$PATH
EOF
}

cmd_up() {
  local t0=$SECONDS
  cmd_build
  mkdir -p "$STATE_ROOT"
  exec 9>"$STATE_ROOT/.$CLUSTER_NAME.lock"
  flock -w 120 9 || die "another 'cluster up/down' for \"$CLUSTER_NAME\" holds $STATE_ROOT/.$CLUSTER_NAME.lock"
  if [ -d "$STATE_DIR/pids" ]; then
    if all_alive && apiserver_ready; then
      log "cluster \"$CLUSTER_NAME\" is already running"
      print_info
      return 0
    fi
    log "found stale state from a run that was killed or crashed in $STATE_DIR: stopping what is left of it and starting fresh"
    stop_all
  fi
  rm -rf "$STATE_DIR"
  mkdir -p "$STATE_DIR"/{ports,pids,logs,etcd}
  local c
  for c in etcd etcd-peer kube-apiserver kube-controller-manager kube-scheduler kwok; do free_port >"$STATE_DIR/ports/$c"; done
  local p_etcd p_peer p_api p_kcm p_sched p_kwok
  p_etcd=$(cat "$STATE_DIR/ports/etcd"); p_peer=$(cat "$STATE_DIR/ports/etcd-peer")
  p_api=$(cat "$STATE_DIR/ports/kube-apiserver"); p_kcm=$(cat "$STATE_DIR/ports/kube-controller-manager")
  p_sched=$(cat "$STATE_DIR/ports/kube-scheduler"); p_kwok=$(cat "$STATE_DIR/ports/kwok")
  gen_pki
  write_kubeconfig "$KUBECONFIG_PATH" admin "wheelhouse-$CLUSTER_NAME"
  write_kubeconfig "$STATE_DIR/kube-controller-manager.kubeconfig" kube-controller-manager kcm
  write_kubeconfig "$STATE_DIR/kube-scheduler.kubeconfig" kube-scheduler scheduler
  write_kubeconfig "$STATE_DIR/kwok.kubeconfig" kwok kwok
  local pki="$STATE_DIR/pki"

  log "starting etcd on 127.0.0.1:$p_etcd"
  start_proc etcd --name wheelhouse --data-dir "$STATE_DIR/etcd" \
    --listen-client-urls "http://127.0.0.1:$p_etcd" --advertise-client-urls "http://127.0.0.1:$p_etcd" \
    --listen-peer-urls "http://127.0.0.1:$p_peer" --initial-advertise-peer-urls "http://127.0.0.1:$p_peer" \
    --initial-cluster "wheelhouse=http://127.0.0.1:$p_peer" --quota-backend-bytes 8589934592 \
    --unsafe-no-fsync --log-level warn
  wait_for "etcd" 60 etcd_ready

  log "starting kube-apiserver on https://127.0.0.1:$p_api"
  # pods/log and pods/exec go to KWOK's kubelet-like server at the node's InternalIP (127.0.0.1,
  # never a name to resolve), whose serving certificate the apiserver verifies against our CA.
  start_proc kube-apiserver --etcd-servers "http://127.0.0.1:$p_etcd" \
    --bind-address 127.0.0.1 --advertise-address 127.0.0.1 --secure-port "$p_api" \
    --tls-cert-file "$pki/apiserver.crt" --tls-private-key-file "$pki/apiserver.key" \
    --client-ca-file "$pki/ca.crt" \
    --kubelet-client-certificate "$pki/apiserver-kubelet-client.crt" \
    --kubelet-client-key "$pki/apiserver-kubelet-client.key" \
    --kubelet-certificate-authority "$pki/ca.crt" --kubelet-preferred-address-types InternalIP \
    --service-account-issuer https://kubernetes.default.svc.cluster.local \
    --service-account-key-file "$pki/sa.pub" --service-account-signing-key-file "$pki/sa.key" \
    --service-cluster-ip-range 10.96.0.0/16 --authorization-mode Node,RBAC --allow-privileged=true \
    --max-requests-inflight 1000 --max-mutating-requests-inflight 500 --profiling=false
  wait_for "kube-apiserver /readyz" 120 apiserver_ready

  log "starting kube-controller-manager, kube-scheduler and kwok"
  start_proc kube-controller-manager --kubeconfig "$STATE_DIR/kube-controller-manager.kubeconfig" \
    --authentication-kubeconfig "$STATE_DIR/kube-controller-manager.kubeconfig" \
    --authorization-kubeconfig "$STATE_DIR/kube-controller-manager.kubeconfig" \
    --bind-address 127.0.0.1 --secure-port "$p_kcm" --leader-elect=false \
    --service-account-private-key-file "$pki/sa.key" --root-ca-file "$pki/ca.crt" \
    --cluster-signing-cert-file "$pki/ca.crt" --cluster-signing-key-file "$pki/ca.key" \
    --use-service-account-credentials=true --kube-api-qps 300 --kube-api-burst 600 \
    --concurrent-replicaset-syncs 10 --concurrent-deployment-syncs 10
  start_proc kube-scheduler --kubeconfig "$STATE_DIR/kube-scheduler.kubeconfig" \
    --authentication-kubeconfig "$STATE_DIR/kube-scheduler.kubeconfig" \
    --authorization-kubeconfig "$STATE_DIR/kube-scheduler.kubeconfig" \
    --bind-address 127.0.0.1 --secure-port "$p_sched" --leader-elect=false
  write_pod_logs_config
  write_pod_exec_config
  # WHEELHOUSE_KWOK_PARALLELISM: pod status changes KWOK plays at once (its default 4 makes 100k
  # pods Running at ~50/s on 2 busy cores; the bench's many-pods runs raise it).
  local kwok_opts=()
  if [ -n "${WHEELHOUSE_KWOK_PARALLELISM:-}" ]; then
    # A KwokConfiguration given by file is not defaulted: KWOK's other defaults are spelt out.
    cat >"$STATE_DIR/kwok-options.yaml" <<YAML
apiVersion: config.kwok.x-k8s.io/v1alpha1
kind: KwokConfiguration
options:
  podPlayStageParallelism: $((WHEELHOUSE_KWOK_PARALLELISM))
  nodePlayStageParallelism: 4
  nodeLeaseParallelism: 4
  podsOnNodeSyncParallelism: 1
  enablePodsOnNodeSyncListPager: true
  enablePodsOnNodeSyncStreamWatch: false
  enableDebuggingHandlers: true
  enableContentionProfiling: false
  enableProfilingHandler: true
  nodeStatusUpdateFrequencyMilliseconds: 10000
  heartbeatFactor: 5
YAML
    kwok_opts=(--config "$STATE_DIR/kwok-options.yaml")
  fi
  write_kwok_stages
  start_proc kwok --kubeconfig "$STATE_DIR/kwok.kubeconfig" \
    --config "$STATE_DIR/kwok-stages.yaml" --config "$STATE_DIR/kwok-logs.yaml" \
    --config "$STATE_DIR/kwok-exec.yaml" "${kwok_opts[@]}" \
    --manage-nodes-with-annotation-selector kwok.x-k8s.io/node=fake \
    --node-ip 127.0.0.1 --node-port "$p_kwok" --server-address "127.0.0.1:$p_kwok" \
    --tls-cert-file "$pki/kwok-serving.crt" --tls-private-key-file "$pki/kwok-serving.key" \
    --cidr 10.0.0.1/16 --node-lease-duration-seconds 40

  log "creating $NODE_COUNT fake node(s) and waiting for them to be Ready"
  wait_for "the default namespace" 60 kctl get namespace default
  create_nodes
  wait_for "nodes Ready" 60 kctl wait --for=condition=Ready node --all --timeout=5s
  log "waiting for a smoke Deployment to roll out"
  smoke_test
  all_alive || die "a component exited during start-up (logs: $STATE_DIR/logs)"
  log "up in $((SECONDS - t0))s"
  print_info
}

# `cluster stop NAME` / `cluster start NAME` / `cluster restart NAME`: one component, for fault
# tests (e.g. restart kube-apiserver mid-watch). Uses the arguments recorded by `up`.
cmd_component() {
  local action="$1" name="${2:-}"
  case " ${COMPONENTS[*]} " in *" $name "*) ;; *) die "unknown component '$name' (one of: ${COMPONENTS[*]})" ;; esac
  [ -f "$STATE_DIR/args/$name" ] || die "cluster \"$CLUSTER_NAME\" is not running (no recorded arguments for $name)"
  if [ "$action" = stop ] || [ "$action" = restart ]; then
    stop_proc "$name"
    log "stopped $name"
  fi
  if [ "$action" = start ] || [ "$action" = restart ]; then
    alive "$name" && { log "$name already runs"; return 0; }
    local -a args=()
    mapfile -d '' args <"$STATE_DIR/args/$name"
    start_proc "$name" "${args[@]}"
    if [ "$name" = kube-apiserver ]; then wait_for "kube-apiserver /readyz" 120 apiserver_ready; fi
    if [ "$name" = etcd ]; then wait_for "etcd" 60 etcd_ready; fi
    log "started $name (pid $(pid_of "$name"))"
  fi
}

# `cluster compact`: compact etcd at its current revision (through etcd's JSON gateway on
# 127.0.0.1), so any watch resumed from an older resourceVersion gets 410 Gone.
cmd_compact() {
  local port rev
  port="$(cat "$STATE_DIR/ports/etcd" 2>/dev/null)" || die "cluster \"$CLUSTER_NAME\" is not running"
  rev="$(curl -sf --max-time 5 -X POST "http://127.0.0.1:$port/v3/kv/range" -d '{"key":"AA==","limit":1}' |
    sed -n 's/.*"revision":"\([0-9]*\)".*/\1/p')"
  [ -n "$rev" ] || die "could not read etcd's current revision"
  curl -sf --max-time 30 -X POST "http://127.0.0.1:$port/v3/kv/compaction" -d "{\"revision\":\"$rev\",\"physical\":true}" >/dev/null ||
    die "etcd compaction at revision $rev failed"
  echo "$rev"
}

cmd_down() {
  if [ ! -d "$STATE_DIR" ]; then
    log "cluster \"$CLUSTER_NAME\" is not running (no state in $STATE_DIR)"
    return 0
  fi
  stop_all
  rm -rf "$STATE_DIR"
  log "cluster \"$CLUSTER_NAME\" stopped and its state removed"
}

cmd_status() {
  if [ ! -d "$STATE_DIR/pids" ]; then
    echo "cluster \"$CLUSTER_NAME\": not running"
    return 1
  fi
  local c rc=0
  echo "cluster \"$CLUSTER_NAME\" ($STATE_DIR)"
  for c in "${COMPONENTS[@]}"; do
    if alive "$c"; then
      printf '  %-24s running  pid %-7s port %s\n' "$c" "$(pid_of "$c")" "$(cat "$STATE_DIR/ports/$c" 2>/dev/null)"
    else
      printf '  %-24s STOPPED  (log: %s)\n' "$c" "$STATE_DIR/logs/$c.log"
      rc=1
    fi
  done
  if apiserver_ready; then echo "  apiserver /readyz: ok"; else echo "  apiserver /readyz: NOT ready"; rc=1; fi
  echo "  kubeconfig: $KUBECONFIG_PATH"
  return $rc
}
