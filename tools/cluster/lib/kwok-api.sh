# shellcheck shell=bash
# What KWOK's kubelet-like server answers for the apiserver's pods/log and pods/exec: its
# configuration files, written by `cluster up` into the state dir. Sourced, never run.

# KWOK serves `kubectl logs` (the real pods/log path: apiserver -> KWOK's kubelet-like server on
# 127.0.0.1) from files: every container's log is $STATE_DIR/pod-logs/current.log, its previous
# instance's is previous.log, in CRI log format. Tests append lines to watch them stream.
write_pod_logs_config() {
  local d="$STATE_DIR/pod-logs"
  mkdir -p "$d"
  # CRI log format, as a kubelet reads container logs: <RFC 3339 time> <stream> <F|P> <line>
  local now; now="$(date -u +%FT%T.%NZ)"
  [ -f "$d/current.log" ] || printf '%s\n' \
    "$now stdout F INFO starting (fake log served by KWOK from $d/current.log)" \
    "$now stdout F INFO listening on :8080" >"$d/current.log"
  [ -f "$d/previous.log" ] || printf '%s\n' \
    "$now stdout F INFO starting" \
    "$now stderr F ERROR out of memory: killed (fake previous log from $d/previous.log)" >"$d/previous.log"
  cat >"$STATE_DIR/kwok-logs.yaml" <<YAML
apiVersion: kwok.x-k8s.io/v1alpha1
kind: ClusterLogs
metadata:
  name: wheelhouse-pod-logs
spec:
  logs:
  - logsFile: $d/current.log
    previousLogsFile: $d/previous.log
    follow: true
YAML
}

# KWOK serves `kubectl exec` (and `exec -it`, with resize) through the same path: the apiserver
# asks KWOK's kubelet-like server on 127.0.0.1, which runs the command as a local process — a pod
# "execs into a local shell in a scratch dir": the same user that ran `cluster up`, working
# directory and HOME $STATE_DIR/pod-exec (removed by `down`), a fixed PATH, and no other variable
# of the caller's environment. Whoever can exec in this cluster can run commands as you; its
# apiserver listens on 127.0.0.1 only and admits only the client certificates `up` issued.
POD_EXEC_PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
write_pod_exec_config() {
  local d="$STATE_DIR/pod-exec"
  mkdir -p "$d"
  chmod 700 "$d"
  # TERM as a kubelet sets it for a TTY; a shell without a terminal ignores it.
  cat >"$STATE_DIR/kwok-exec.yaml" <<YAML
apiVersion: kwok.x-k8s.io/v1alpha1
kind: ClusterExec
metadata:
  name: wheelhouse-pod-exec
spec:
  execs:
  - local:
      workDir: $d
      envs:
      - {name: HOME, value: $d}
      - {name: PATH, value: $POD_EXEC_PATH}
      - {name: TERM, value: xterm}
YAML
}

# KWOK's node-initialize stage runs again whenever a node's Ready is not True — e.g. after
# kube-controller-manager marked it Unknown because heartbeats stopped while kube-apiserver was
# down. Its template then writes an `addresses:` key whenever the node lacks a Hostname address
# (ours never get one: NodeName is empty), listing only what is missing, so the merge patch
# replaces the node's InternalIP with nothing, and pods/log and pods/exec fail with "no preferred
# addresses found" until the next `down`/`up`. Run KWOK with a copy whose initialize step writes
# addresses only when the InternalIP is missing (and then both), and leaves them alone otherwise.
write_kwok_stages() {
  local src="$BIN_DIR/stages/$KWOK_STAGES/stages.yaml" dst="$STATE_DIR/kwok-stages.yaml"
  local any='{{ if or (not $hasInternalIP) (not $hasHostname) }}'
  local host='{{ if not $hasHostname }}'
  grep -qF "$any" "$src" && grep -qF "$host" "$src" ||
    die "KWOK's node-initialize stage changed ($src): review write_kwok_stages in tools/cluster/lib/kwok-api.sh"
  sed -e "s/{{ if or (not \$hasInternalIP) (not \$hasHostname) }}/{{ if not \$hasInternalIP }}/" \
    -e "s/{{ if not \$hasHostname }}/{{ if and (not \$hasInternalIP) (not \$hasHostname) }}/" "$src" >"$dst"
}
