# shellcheck shell=bash
# Shared settings for tools/cluster. Sourced, never run.

CLUSTER_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=../versions.env
. "$CLUSTER_DIR/versions.env"

CACHE_ROOT="${WHEELHOUSE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/wheelhouse}"
# A change to KWOK's patches changes the key, so it is rebuilt (the others relink from Go's cache).
KWOK_PATCH_ID="$(cat "$CLUSTER_DIR"/patches/kwok-*.patch | sha256sum | cut -c1-8)"
BUILD_KEY="k8s-${K8S_VERSION}_etcd-${ETCD_VERSION}_kwok-${KWOK_VERSION}+${KWOK_PATCH_ID}"
BIN_DIR="$CACHE_ROOT/k8s/$BUILD_KEY/bin"
BUILD_LOG_DIR="$CACHE_ROOT/k8s/$BUILD_KEY/logs"

CLUSTER_NAME="${WHEELHOUSE_CLUSTER:-default}"
STATE_ROOT="${WHEELHOUSE_STATE:-${XDG_STATE_HOME:-$HOME/.local/state}/wheelhouse/clusters}"
STATE_DIR="$STATE_ROOT/$CLUSTER_NAME"
KUBECONFIG_PATH="$STATE_DIR/kubeconfig"

BINARIES=(etcd kube-apiserver kube-controller-manager kube-scheduler kubectl kwok)

log() { printf '[cluster %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { printf '[cluster] error: %s\n' "$*" >&2; exit 1; }

kctl() { "$BIN_DIR/kubectl" --kubeconfig "$KUBECONFIG_PATH" "$@"; }

binaries_present() {
  local b
  for b in "${BINARIES[@]}"; do [ -x "$BIN_DIR/$b" ] || return 1; done
  [ -f "$BIN_DIR/stages/general/stages.yaml" ] && [ -f "$BIN_DIR/stages/fast/stages.yaml" ]
}
