#!/usr/bin/env bash
# Helm, compiled from its Go module at the version pinned in versions.env (no downloaded binary),
# cached under ~/.cache/wheelhouse/helm/<version>/bin like the control plane.
#
#   tools/helm/helm.sh build     compile it if the cache lacks it (about 3-4 min cold on 2 cores)
#   tools/helm/helm.sh path      print the bin directory (build first if needed)
#   tools/helm/helm.sh -- ARGS   run helm with ARGS (build first if needed)
#
# Environment: WHEELHOUSE_CACHE (cache root, default ~/.cache/wheelhouse).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=versions.env
. "$here/versions.env"
export PATH="/usr/local/go/bin:$PATH"
CACHE_ROOT="${WHEELHOUSE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/wheelhouse}"
BIN_DIR="$CACHE_ROOT/helm/$HELM_VERSION/bin"
MAJOR="${HELM_VERSION%%.*}"

log() { printf '[helm %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { printf '[helm] error: %s\n' "$*" >&2; exit 1; }

build() {
  if [ -x "$BIN_DIR/helm" ]; then return 0; fi
  # One build at a time: a second caller waits for the first, then finds the binary.
  mkdir -p "$CACHE_ROOT/helm"
  exec 9>"$CACHE_ROOT/helm/.build.lock"
  flock 9
  if [ -x "$BIN_DIR/helm" ]; then return 0; fi
  command -v go >/dev/null 2>&1 || die "Go is not installed (need Go >= $HELM_GO_MIN on PATH, e.g. /usr/local/go/bin)"
  local have; have="$(go env GOVERSION | sed 's/^go//')"
  [ "$(printf '%s\n%s\n' "$HELM_GO_MIN" "$have" | sort -V | head -n1)" = "$HELM_GO_MIN" ] ||
    die "Go $have is too old: helm $HELM_VERSION needs Go >= $HELM_GO_MIN"
  local logdir="$CACHE_ROOT/helm/$HELM_VERSION/logs" t0=$SECONDS
  mkdir -p "$logdir" "$BIN_DIR.tmp"
  log "building helm $HELM_VERSION from helm.sh/helm/$MAJOR/cmd/helm (log: $logdir/build.log)"
  local pkg="helm.sh/helm/$MAJOR"
  if ! CGO_ENABLED=0 GOBIN="$BIN_DIR.tmp" GOFLAGS=-mod=mod go install -trimpath \
    -ldflags "-s -w -X $pkg/internal/version.version=$HELM_VERSION -X $pkg/internal/version.gitTreeState=clean" \
    "$pkg/cmd/helm@$HELM_VERSION" >"$logdir/build.log" 2>&1; then
    tail -n 20 "$logdir/build.log" >&2
    die "building helm failed after $((SECONDS - t0))s; full log: $logdir/build.log"
  fi
  rm -rf "$BIN_DIR"
  mv "$BIN_DIR.tmp" "$BIN_DIR"
  log "built $("$BIN_DIR/helm" version --short) in $((SECONDS - t0))s: $BIN_DIR"
}

case "${1:-}" in
  build) build ;;
  path) build; echo "$BIN_DIR" ;;
  --) shift; build; exec "$BIN_DIR/helm" "$@" ;;
  *) sed -n '2,/^[^#]/p' "$0" | sed '$d; s/^# \{0,1\}//' >&2; exit 2 ;;
esac
