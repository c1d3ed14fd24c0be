#!/usr/bin/env bash
# Real-editor end-to-end tests (`npm run test:e2e`): the packaged extension in a
# real VS Code (code-server from npm, its real Node extension host, driven by
# Debian's Chromium through playwright-core) and the server in Neovim 0.7.
#
#   bash test/e2e/run.sh               # all suites: vscode ui nvim web
#   bash test/e2e/run.sh nvim          # some of them
#
#   vscode  test/e2e/vscode/*.test.ts, mocha inside the extension host, twice:
#           the extension from the repository (extensionDevelopmentPath), then
#           the .vsix of `npm run package` installed into a fresh extensions dir
#   ui      test/e2e/ui/*.test.ts: mouse hover and command palette in the workbench, screenshots
#   nvim    test/e2e/nvim/*.test.ts: Neovim's LSP client on `node dist/server.js --stdio`
#   web     test/e2e/web/index.ts in the browser's web-worker extension host: the .vsix's
#           `browser` build ("remote.extensionKind": ["web"]), its server in a web worker
#           (last: it restarts code-server with that setting)
#
# Env: RN_E2E_CACHE   tool cache, default ~/.cache/research-notes-e2e (lib/env.sh)
#      RN_E2E_PORT    first loopback port to try for code-server (default 18300)
#      RN_E2E_KEEP=1  keep the scratch folder (profile, extensions, workspaces) after a pass
#      RN_E2E_ARTIFACTS  output folder instead of .e2e-artifacts/ (for runs side by side)
# Every wait has a deadline; code-server's whole process group is stopped on exit.
# Output: .e2e-artifacts/ (git-ignored): logs/, ui/hover.png, ui/table.png, web/hover.png,
# web/running-extensions.png; after a failure also run/ with code-server's profile and
# logs (run/user-data/logs/).
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$REPO"
source test/e2e/lib/env.sh
export RN_E2E_CACHE # before XDG_CACHE_HOME points into the scratch folder below

suites=("$@")
((${#suites[@]})) || suites=(vscode ui nvim web)
for s in "${suites[@]}"; do [[ $s =~ ^(vscode|ui|nvim|web)$ ]] || { echo "unknown suite '$s' (vscode | ui | nvim | web)" >&2; exit 2; }; done
wants() { [[ " ${suites[*]} " == *" $1 "* ]]; }
needs_code_server() { wants vscode || wants ui || wants web; }

ARTIFACTS="${RN_E2E_ARTIFACTS:-$REPO/.e2e-artifacts}"
RUN="$ARTIFACTS/run"
LOGS="$ARTIFACTS/logs"
EXAMPLE="$REPO/../shared/examples/skt-500b-ko.md"
rm -rf "$ARTIFACTS" && mkdir -p "$RUN" "$LOGS"

t0=$SECONDS
step() { echo "== e2e [$((SECONDS - t0))s] $*"; }
failed=()

# --- processes this script started: stopped on every exit ---------------------
CS_PGID=""
CHILD=""
stop_code_server() {
  [[ -n $CS_PGID ]] || return 0
  kill -TERM -- "-$CS_PGID" 2>/dev/null || true
  local deadline=$((SECONDS + 15))
  while kill -0 -- "-$CS_PGID" 2>/dev/null && ((SECONDS < deadline)); do sleep 0.2; done
  kill -KILL -- "-$CS_PGID" 2>/dev/null || true
  CS_PGID=""
}
cleanup() {
  [[ -z $CHILD ]] || kill -TERM "$CHILD" 2>/dev/null || true
  stop_code_server
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Runs a command in the background and waits for it, so that a signal to this
# script is handled at once (bash runs traps only between foreground commands).
run() {
  "$@" &
  CHILD=$!
  local rc=0
  wait "$CHILD" || rc=$?
  CHILD=""
  return "$rc"
}

# --- 1. tools -----------------------------------------------------------------
step "install tools (cache: $RN_E2E_CACHE)"
if needs_code_server; then
  run bash test/e2e/lib/install.sh all
else
  run bash test/e2e/lib/install.sh apt
fi
command -v nvim >/dev/null || { echo "nvim is missing" >&2; exit 1; }
[[ -f $EXAMPLE ]] || { echo "the example note $EXAMPLE is missing" >&2; exit 1; }

# --- 2. the product: build and package ------------------------------------------
step "npm run package (log: $LOGS/package.log)"
touch "$RUN/.before-package"
run npm run -s package >"$LOGS/package.log" 2>&1 || { tail -30 "$LOGS/package.log"; exit 1; }
mapfile -t vsixes < <(find "$REPO" -maxdepth 1 -name '*.vsix' -newer "$RUN/.before-package")
((${#vsixes[@]} == 1)) || { echo "npm run package made ${#vsixes[@]} .vsix files, expected one: ${vsixes[*]}" >&2; exit 1; }
VSIX="${vsixes[0]}"
[[ -f dist/server.js ]] || { echo "dist/server.js is missing after npm run package" >&2; exit 1; }

# Tools run with their config, caches and logs in the scratch folder, not $HOME.
export XDG_CONFIG_HOME="$RUN/xdg/config" XDG_DATA_HOME="$RUN/xdg/data" \
       XDG_CACHE_HOME="$RUN/xdg/cache" XDG_STATE_HOME="$RUN/xdg/state"
export RN_E2E_ARTIFACTS="$ARTIFACTS"

# --- 3. code-server -------------------------------------------------------------
if needs_code_server; then
  NODE24_BIN="$(bash test/e2e/lib/install.sh node24)"
  CODE_SERVER="$RN_E2E_CODE_SERVER_PREFIX/node_modules/.bin/code-server"
  export RN_E2E_PLAYWRIGHT="$RN_E2E_PLAYWRIGHT_PREFIX/node_modules/playwright-core"
  export EXTENSIONS_GALLERY='{}' # no marketplace look-ups
  CS_ARGS=(--user-data-dir "$RUN/user-data" --extensions-dir "$RUN/extensions")
  mkdir -p "$RUN/user-data/User"
  cp test/e2e/lib/code-server-settings.json "$RUN/user-data/User/settings.json"

  step "install $(basename "$VSIX") into a fresh extensions dir"
  PATH="$NODE24_BIN:$PATH" run "$CODE_SERVER" "${CS_ARGS[@]}" --install-extension "$VSIX" \
    >"$LOGS/install-extension.log" 2>&1 || { cat "$LOGS/install-extension.log"; exit 1; }
  version="$(node -p 'require("./package.json").version')"
  INSTALLED="$RUN/extensions/research-notes.research-notes-$version"
  [[ -f $INSTALLED/package.json ]] || { echo "the .vsix did not install to $INSTALLED" >&2; ls "$RUN/extensions" >&2; exit 1; }

  # A free loopback port from RN_E2E_PORT on; code-server in its own session, so
  # that stopping its process group also stops the extension hosts, file
  # watchers and language servers it spawned.
  #   --reconnection-grace-time 5: a closed page's extension host goes away soon
  #   --vscode-option enable-smoke-test-driver: lets ?payload= carry
  #     extensionDevelopmentPath/extensionTestsPath (ignored otherwise)
  port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
  start_code_server() {
    first_port="${RN_E2E_PORT:-18300}"
    for port in $(seq "$first_port" $((first_port + 49))); do
      port_in_use "$port" && continue
      step "start code-server $RN_E2E_CODE_SERVER_VERSION on 127.0.0.1:$port"
      PATH="$NODE24_BIN:$PATH" setsid "$CODE_SERVER" "${CS_ARGS[@]}" \
        --bind-addr "127.0.0.1:$port" --auth none \
        --disable-telemetry --disable-update-check --disable-workspace-trust --disable-getting-started-override \
        --reconnection-grace-time 5 --vscode-option enable-smoke-test-driver \
        >"$LOGS/code-server.log" 2>&1 </dev/null &
      CS_PGID=$! # setsid execs in place (we are no group leader), so this pid leads the new group
      [[ "$(ps -o pgid= -p "$CS_PGID" | tr -d ' ')" == "$CS_PGID" ]] || { echo "code-server is not its own process group" >&2; exit 1; }
      # Ready when *our* process says it listens on the port and answers; if it
      # died because another process took the port meanwhile, try the next one.
      deadline=$((SECONDS + 90))
      until grep -q "HTTP server listening on http://127.0.0.1:$port" "$LOGS/code-server.log" &&
        curl -fsS -o /dev/null --max-time 5 "http://127.0.0.1:$port/healthz"; do
        kill -0 "$CS_PGID" 2>/dev/null || break
        ((SECONDS < deadline)) || { echo "code-server did not answer within 90s" >&2; tail -20 "$LOGS/code-server.log" >&2; exit 1; }
        sleep 0.2
      done
      kill -0 "$CS_PGID" 2>/dev/null && break
      CS_PGID=""
      grep -q EADDRINUSE "$LOGS/code-server.log" || { echo "code-server exited" >&2; tail -20 "$LOGS/code-server.log" >&2; exit 1; }
    done
    [[ -n $CS_PGID ]] || { echo "no free port in $first_port..$((first_port + 49))" >&2; exit 1; }
    export RN_E2E_CODE_SERVER="http://127.0.0.1:$port"
  }
  if wants vscode || wants ui; then start_code_server; fi
fi

# After a failed extension-host run: the end of our output channel's log, where
# the language client reports failed requests and server errors.
show_extension_log() {
  local log
  log="$(ls -t "$RUN"/user-data/logs/*/exthost*/research-notes.research-notes/*.log 2>/dev/null | head -1)"
  [[ -n $log ]] || { echo "(the extension wrote no output channel log)"; return; }
  echo "--- end of $log"
  tail -n 12 "$log"
}

# A fresh workspace folder per workbench session: the example note and fixtures.
workspace() {
  mkdir -p "$RUN/$1" && cp "$EXAMPLE" test/e2e/fixtures/* "$RUN/$1/"
  echo "$RUN/$1"
}

# --- 4. VS Code: mocha inside the extension host ----------------------------------
if wants vscode; then
  step "bundle test/e2e/vscode (esbuild, mocha included, vscode external)"
  node_modules/.bin/esbuild test/e2e/vscode/index.ts --bundle --platform=node --format=cjs --target=node20 \
    --external:vscode --outfile="$RUN/vscode-tests/index.js" --log-level=error
  # development: the extension from the repository, loaded as extensionDevelopmentPath
  #   (it shadows the installed one); vsix: the installed package, with an empty
  #   development extension beside it, since tests only run next to one.
  for mode in development vsix; do
    if [[ $mode == development ]]; then expected="$REPO" dev="$REPO"
    else expected="$INSTALLED" dev="$REPO/test/e2e/lib/test-runner-extension"
    fi
    mkdir -p "$RUN/vscode-tests/$mode"
    cp "$RUN/vscode-tests/index.js" "$RUN/vscode-tests/$mode/index.js"
    printf '{ "mode": "%s", "extensionPath": "%s" }\n' "$mode" "$expected" >"$RUN/vscode-tests/$mode/run-context.json"
    step "VS Code extension host suite, extension from $mode ($expected)"
    run node --import tsx test/e2e/lib/run-vscode-tests.ts --label "vscode-$mode" \
      --folder "$(workspace "ws-$mode")" --tests "$RUN/vscode-tests/$mode/index.js" --extension-development-path "$dev" \
      --artifacts "$LOGS" || { failed+=("vscode ($mode)"); show_extension_log; }
  done
fi

# --- 5. mocha in Node: the workbench UI and Neovim -------------------------------
specs=()
wants ui && specs+=(test/e2e/ui/*.test.ts) && export RN_E2E_UI_WORKSPACE="$(workspace ws-ui)"
wants nvim && specs+=(test/e2e/nvim/*.test.ts)
if ((${#specs[@]})); then
  step "mocha: ${specs[*]}"
  run node_modules/.bin/mocha --config test/e2e/.mocharc.json "${specs[@]}" || failed+=("mocha (${specs[*]})")
fi

# --- 6. the browser build in the web-worker extension host ----------------------
if wants web; then
  # A code-server of its own: the setting makes it run the .vsix's `browser` entry in the
  # browser's web-worker host; tests run in the host of the development extension whose
  # folder holds them, so the suite lies inside a copy of the installed extension.
  stop_code_server
  node -e 'const fs=require("fs"),f=process.argv[1];fs.writeFileSync(f,JSON.stringify({...JSON.parse(fs.readFileSync(f,"utf8")),"remote.extensionKind":{"research-notes.research-notes":["web"]}},null,2))' \
    "$RUN/user-data/User/settings.json"
  WEB_EXT="$RUN/web-extension"
  rm -rf "$WEB_EXT" && cp -r "$INSTALLED" "$WEB_EXT"
  step "bundle test/e2e/web for the web worker (esbuild, platform browser, vscode external)"
  node_modules/.bin/esbuild test/e2e/web/index.ts --bundle --platform=browser --format=cjs --target=es2022 \
    --external:vscode --alias:node:assert/strict=./test/e2e/web/assert.ts --outfile="$WEB_EXT/e2e-web/index.js" --log-level=error
  start_code_server
  ws_web="$(workspace ws-web)" && cp -r test/e2e/web/fixtures/. "$ws_web/"
  step "web suite: the .vsix's browser build in the web-worker extension host"
  node_logs_before="$(ls -d "$RUN"/user-data/logs/*/ 2>/dev/null | wc -l)"
  if run node --import tsx test/e2e/lib/run-vscode-tests.ts --label web --folder "$ws_web" \
    --tests "$WEB_EXT/e2e-web/index.js" --extension-development-path "$WEB_EXT" --artifacts "$LOGS"; then
    # The Node extension host never ran it: code-server's log of this session shows no activation
    # of it and no log folder of its output channel (it is listed among the installed extensions).
    web_log="$(ls -td "$RUN"/user-data/logs/*/ | head -1)"
    node_ran="$(grep -rhs "_doActivateExtension research-notes.research-notes" "$web_log"exthost*/ | head -1 || true)"
    if [ -z "$node_ran" ] && ls -d "$web_log"exthost*/research-notes.research-notes >/dev/null 2>&1; then node_ran="its output channel has a log folder there"; fi
    if [ -n "$node_ran" ]; then
      echo "FAIL web: code-server's Node extension host ran the extension: $node_ran"
      failed+=("web (Node host)")
    else
      echo "PASS web: the extension is absent from code-server's Node extension host log ($web_log, $node_logs_before earlier sessions)"
    fi
  else
    failed+=("web")
  fi
  step "mocha: test/e2e/web/workbench.test.ts (the hover and Running Extensions in the DOM)"
  RN_E2E_WEB_WORKSPACE="$ws_web" run node_modules/.bin/mocha --config test/e2e/.mocharc.json test/e2e/web/workbench.test.ts || failed+=("web (workbench)")
fi

# --- 7. result -------------------------------------------------------------------
stop_code_server
if ((${#failed[@]})); then
  step "FAILED: ${failed[*]}; logs and screenshots in $ARTIFACTS (VS Code's own logs: $RUN/user-data/logs)"
  exit 1
fi
[[ -n ${RN_E2E_KEEP:-} ]] || rm -rf "$RUN"
step "passed: ${suites[*]} (artifacts in $ARTIFACTS)"
