# shellcheck shell=bash
# `cluster build`: compile the pinned control plane from Go modules into $BIN_DIR.
# Each component is built inside a throw-away wrapper module under the cache, so nothing
# lands in the repo and a second build with the same versions is a no-op.

check_go() {
  command -v go >/dev/null 2>&1 || die "Go is not installed (need Go >= $GO_MIN on PATH; e.g. /usr/local/go/bin)."
  local have
  have="$(go env GOVERSION 2>/dev/null | sed 's/^go//')"
  [ -n "$have" ] || die "could not read the Go version from 'go env GOVERSION'."
  if [ "$(printf '%s\n%s\n' "$GO_MIN" "$have" | sort -V | head -n1)" != "$GO_MIN" ]; then
    die "Go $have is too old: the pinned Kubernetes $K8S_VERSION needs Go >= $GO_MIN."
  fi
  command -v patch >/dev/null 2>&1 || die "patch is not installed (apt-get install patch): KWOK is patched before it is compiled."
}

# run_step NAME LOGFILE CMD...: runs CMD with its output in LOGFILE, printing elapsed time
# every 30 s so a long cold build never looks hung.
run_step() {
  local name="$1" logfile="$2"; shift 2
  local start=$SECONDS
  log "building $name (log: $logfile)"
  ( "$@" ) >"$logfile" 2>&1 &
  local pid=$!
  while kill -0 "$pid" 2>/dev/null; do
    local i
    for i in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
    kill -0 "$pid" 2>/dev/null && log "  … $name still building, $((SECONDS - start))s elapsed"
  done
  if ! wait "$pid"; then
    tail -n 20 "$logfile" >&2
    die "building $name failed after $((SECONDS - start))s; full log: $logfile"
  fi
  log "built $name in $((SECONDS - start))s"
}

k8s_ldflags() {
  local v="${K8S_VERSION#v}" major minor
  major="${v%%.*}"; minor="${v#*.}"; minor="${minor%%.*}"
  local date; date="$(date -u +%Y-%m-%dT%H:%M:%SZ)"
  local f=""
  local p
  for p in k8s.io/component-base/version k8s.io/client-go/pkg/version; do
    f+=" -X $p.gitVersion=$K8S_VERSION -X $p.gitMajor=$major -X $p.gitMinor=$minor"
    f+=" -X $p.gitTreeState=clean -X $p.buildDate=$date -X $p.gitCommit=0000000000000000000000000000000000000000"
  done
  printf '%s' "-s -w$f"
}

build_k8s() {
  local dir="$CACHE_ROOT/k8s/src/kubernetes-$K8S_VERSION"
  mkdir -p "$dir"
  local staging_version="v0.${K8S_VERSION#v1.}"
  # Every staging module that kubernetes' go.mod points at ./staging must be replaced with its
  # published twin. The list comes from the pinned go.mod itself, so a version bump stays correct.
  local modfile
  modfile="$(cd "$dir" && GOFLAGS=-mod=mod go mod download -json "k8s.io/kubernetes@$K8S_VERSION" | sed -n 's/.*"GoMod": "\(.*\)".*/\1/p')"
  [ -f "$modfile" ] || die "could not download k8s.io/kubernetes@$K8S_VERSION from the Go module proxy"
  {
    echo "module wheelhouse.local/k8s-build"
    echo
    echo "go $GO_MIN"
    echo
    echo "require k8s.io/kubernetes $K8S_VERSION"
    echo
    grep -E '=> \./staging/src/' "$modfile" | awk '{print $1}' | grep -v '^k8s.io/sample-' |
      while read -r m; do echo "replace $m => $m $staging_version"; done
  } >"$dir/go.mod"
  local pkgs=(cmd/kube-apiserver cmd/kube-controller-manager cmd/kube-scheduler cmd/kubectl)
  (
    cd "$dir"
    local p
    for p in "${pkgs[@]}"; do GOFLAGS=-mod=mod go get "k8s.io/kubernetes/$p@$K8S_VERSION"; done
    mkdir -p "$BIN_DIR.tmp"
    CGO_ENABLED=0 go build -trimpath -ldflags "$(k8s_ldflags)" -o "$BIN_DIR.tmp/" \
      "${pkgs[@]/#/k8s.io/kubernetes/}"
  )
}

build_etcd() {
  local dir="$CACHE_ROOT/k8s/src/etcd-$ETCD_VERSION"
  mkdir -p "$dir"
  printf 'module wheelhouse.local/etcd-build\n\ngo %s\n' "$GO_MIN" >"$dir/go.mod"
  (
    cd "$dir"
    GOFLAGS=-mod=mod go get "go.etcd.io/etcd/server/v3@$ETCD_VERSION"
    mkdir -p "$BIN_DIR.tmp"
    CGO_ENABLED=0 go build -trimpath -ldflags "-s -w" -o "$BIN_DIR.tmp/etcd" go.etcd.io/etcd/server/v3
  )
}

# KWOK is built from a copy of its module with tools/cluster/patches/kwok-*.patch applied (each
# patch says why), using the module's own go.mod and go.sum as `go install kwok@version` would.
build_kwok() {
  local src dir="$CACHE_ROOT/k8s/src/kwok-$KWOK_VERSION+$KWOK_PATCH_ID" p
  src="$(go env GOMODCACHE)/sigs.k8s.io/kwok@$KWOK_VERSION"
  [ -d "$src" ] || GOFLAGS=-mod=mod go mod download "sigs.k8s.io/kwok@$KWOK_VERSION"
  [ -d "$src" ] || die "could not download sigs.k8s.io/kwok@$KWOK_VERSION from the Go module proxy"
  rm -rf "$dir"
  mkdir -p "$(dirname "$dir")"
  cp -R "$src" "$dir"
  chmod -R u+w "$dir"
  for p in "$CLUSTER_DIR"/patches/kwok-*.patch; do
    echo "applying $p"
    patch -d "$dir" -p1 --forward --batch <"$p"
  done
  mkdir -p "$BIN_DIR.tmp"
  (
    cd "$dir"
    CGO_ENABLED=0 go build -trimpath -ldflags "-s -w -X sigs.k8s.io/kwok/pkg/consts.Version=$KWOK_VERSION" \
      -o "$BIN_DIR.tmp/kwok" ./cmd/kwok
  )
}

# KWOK's standalone controller needs Stage objects. Take the ones KWOK itself ships in its module
# (the same stages kwokctl embeds) from the module cache: "general" has realistic delays (pods
# become Ready 1-6 s after scheduling), "fast" has none (for scale benchmarks).
copy_kwok_stages() {
  local src
  src="$(go env GOMODCACHE)/sigs.k8s.io/kwok@$KWOK_VERSION/kustomize/stage"
  [ -d "$src" ] || GOFLAGS=-mod=mod go mod download "sigs.k8s.io/kwok@$KWOK_VERSION"
  [ -d "$src" ] || die "KWOK stages not found in the module cache at $src"
  local out="$BIN_DIR.tmp/stages" flavour f
  for flavour in general fast; do
    mkdir -p "$out/$flavour"
    {
      cat "$src/node/fast/node-initialize.yaml"
      echo "---"
      cat "$src/node/heartbeat-with-lease/node-heartbeat-with-lease.yaml"
      for f in "$src/pod/$flavour"/*.yaml; do
        echo "---"
        cat "$f"
      done
    } >"$out/$flavour/stages.yaml"
  done
}

cmd_build() {
  if binaries_present; then
    log "control plane $BUILD_KEY already built in $BIN_DIR"
    return 0
  fi
  check_go
  mkdir -p "$BUILD_LOG_DIR"
  local t0=$SECONDS
  # Typical times are from fresh 2-core machines of this project (cold Go caches): a newcomer sees
  # which step runs, how many are left and roughly how long each takes.
  log "cold build of $BUILD_KEY in 3 steps (about 12 minutes on 2 cores; later runs reuse $BIN_DIR)"
  [ -x "$BIN_DIR.tmp/etcd" ] || run_step "step 1/3: etcd $ETCD_VERSION (typically ~2 min)" "$BUILD_LOG_DIR/etcd.log" build_etcd
  [ -x "$BIN_DIR.tmp/kwok" ] || run_step "step 2/3: kwok $KWOK_VERSION (typically ~2.5 min)" "$BUILD_LOG_DIR/kwok.log" build_kwok
  [ -x "$BIN_DIR.tmp/kube-apiserver" ] && [ -x "$BIN_DIR.tmp/kubectl" ] ||
    run_step "step 3/3: kubernetes $K8S_VERSION (kube-apiserver, kube-controller-manager, kube-scheduler, kubectl; typically ~7–8 min)" \
      "$BUILD_LOG_DIR/kubernetes.log" build_k8s
  copy_kwok_stages
  rm -rf "$BIN_DIR"
  mv "$BIN_DIR.tmp" "$BIN_DIR"
  binaries_present || die "build finished but binaries are missing from $BIN_DIR"
  "$BIN_DIR/kube-apiserver" --version >&2
  log "cold build done in $((SECONDS - t0))s: $BIN_DIR"
}
