# shellcheck shell=bash
# Source this file: it puts Node 24 and the pinned pnpm first on PATH, installing them into the
# cache on first use. Node comes from the npm registry package that `node@24` installs (the
# platform binary package node-linux-<arch>), so no download outside the registry is needed.
#   . scripts/toolchain.sh
WH_NODE_VERSION=24.21.0
WH_PNPM_VERSION=10.34.9
WH_TOOLCHAIN="${WHEELHOUSE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/wheelhouse}/toolchain/node-$WH_NODE_VERSION-pnpm-$WH_PNPM_VERSION"

_wh_toolchain() {
  local bin="$WH_TOOLCHAIN/bin"
  if [ -x "$bin/node" ] && [ -x "$bin/pnpm" ]; then
    export PATH="$bin:$PATH"
    return 0
  fi
  local have_major=0
  if command -v node >/dev/null 2>&1; then have_major="$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)"; fi
  command -v npm >/dev/null 2>&1 || { echo "toolchain: npm is needed once to fetch Node $WH_NODE_VERSION from the npm registry (apt-get install -y npm)" >&2; return 1; }
  mkdir -p "$bin"
  local node_bin
  if [ "$have_major" -ge 24 ] 2>/dev/null; then
    node_bin="$(command -v node)"
  else
    local arch
    case "$(uname -m)" in
      x86_64) arch=x64 ;;
      aarch64|arm64) arch=arm64 ;;
      *) echo "toolchain: unsupported CPU $(uname -m)" >&2; return 1 ;;
    esac
    echo "toolchain: system Node is v$have_major; installing Node $WH_NODE_VERSION (npm package node-linux-$arch) into $WH_TOOLCHAIN" >&2
    npm install --no-save --no-audit --no-fund --ignore-scripts --loglevel=error \
      --prefix "$WH_TOOLCHAIN/node" "node-linux-$arch@$WH_NODE_VERSION" >&2 || return 1
    node_bin="$WH_TOOLCHAIN/node/node_modules/node-linux-$arch/bin/node"
  fi
  "$node_bin" --version >/dev/null || { echo "toolchain: $node_bin does not run" >&2; return 1; }
  ln -sf "$node_bin" "$bin/node"
  echo "toolchain: installing pnpm $WH_PNPM_VERSION" >&2
  npm install --no-save --no-audit --no-fund --ignore-scripts --loglevel=error \
    --prefix "$WH_TOOLCHAIN/pnpm" "pnpm@$WH_PNPM_VERSION" >&2 || return 1
  printf '#!/bin/sh\nexec "%s" "%s" "$@"\n' "$bin/node" "$WH_TOOLCHAIN/pnpm/node_modules/pnpm/bin/pnpm.cjs" >"$bin/pnpm"
  chmod +x "$bin/pnpm"
  export PATH="$bin:$PATH"
}
_wh_toolchain
