#!/usr/bin/env bash
# Installs whatever Switchboard's build and tests need and is missing, then puts the tools on PATH.
#
#   bash scripts/setup.sh             # toolchain for building and serving the app
#   bash scripts/setup.sh --browser   # plus Debian chromium + chromium-driver for the tests
#   source scripts/setup.sh [--browser]   # same, and keep PATH in the calling shell
#
# Idempotent: every step first checks and does nothing when the right version is present, so a
# run on a ready machine takes about a second. It never edits project files; it only installs:
#   - the rustup target wasm32-unknown-unknown
#   - Trunk 0.21.14 (0.22 needs a newer rustc than this machine has)
#   - wasm-split-cli (crate wasm_split_cli_support 0.2.4): splits the wasm into
#     lazily loaded chunks after every Trunk build (scripts/post-build.mjs, a Trunk hook)
#   - wasm-bindgen-cli at exactly the wasm-bindgen version locked in Cargo.lock (it also provides
#     wasm-bindgen-test-runner); a mismatch with the app's wasm-bindgen breaks the build
#   - node_modules from package-lock.json (`npm ci`; re-run whenever the lock file changes),
#     which includes terser (minifies the release JS) and binaryen's wasm-opt 132:
#     Debian's binaryen 108 produces a wasm that crashes at start-up
#   - with --browser: /usr/bin/chromium and /usr/bin/chromedriver from Debian
# Tool installs are serialised with a lock so parallel runs on one machine never race.

sb_setup_main() {
  local want_browser=0 arg
  for arg in "$@"; do
    case "$arg" in
      --browser) want_browser=1 ;;
      # `source setup.sh` without arguments would see the caller's arguments; callers pass `--`.
      --) break ;;
      -h | --help)
        sed -n '2,6p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
        return 0
        ;;
      *)
        echo "setup: unknown argument '$arg' (known: --browser)" >&2
        return 2
        ;;
    esac
  done

  local root
  root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

  # Cargo-installed tools first, then this checkout's npm binaries (wasm-opt must be binaryen's
  # 132 from node_modules, never a system wasm-opt that happens to be earlier on PATH).
  export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$root/node_modules/.bin:$PATH"

  sb_require_command cargo "Rust via rustup (https://rustup.rs)" || return 1
  sb_require_command rustup "rustup (https://rustup.rs)" || return 1
  sb_require_node || return 1

  sb_ensure_wasm_target || return 1
  sb_ensure_trunk || return 1
  sb_ensure_wasm_bindgen "$root" || return 1
  sb_ensure_wasm_split || return 1
  sb_ensure_node_modules "$root" || return 1
  if [[ $want_browser == 1 ]]; then
    sb_ensure_browser || return 1
  fi
  echo "setup: ready (trunk $SB_TRUNK_VERSION, wasm-bindgen $SB_WASM_BINDGEN_VERSION," \
    "wasm-split-cli $SB_WASM_SPLIT_VERSION," \
    "$(wasm-opt --version)$([[ $want_browser == 1 ]] && echo ", $(sb_chromium_version)"))"
}

SB_TRUNK_VERSION="0.21.14"
SB_WASM_OPT_VERSION="132"
# The splitter cargo-leptos uses for Leptos' #[lazy_route]; it must understand the split markers
# of the wasm_split_helpers version in Cargo.lock (0.2.x).
SB_WASM_SPLIT_VERSION="0.2.4"
SB_NODE_MAJOR_MIN=20

sb_log() { echo "setup: $*" >&2; }

sb_require_command() {
  if ! command -v "$1" >/dev/null 2>&1; then
    sb_log "'$1' is not installed; install $2 first."
    return 1
  fi
}

sb_require_node() {
  sb_require_command node "Node.js $SB_NODE_MAJOR_MIN or newer" || return 1
  sb_require_command npm "npm (comes with Node.js)" || return 1
  local major
  major="$(node -p 'process.versions.node.split(".")[0]')"
  if ((major < SB_NODE_MAJOR_MIN)); then
    sb_log "Node.js $(node --version) is too old: playwright-core needs $SB_NODE_MAJOR_MIN or newer."
    return 1
  fi
}

# Serialise installs: two checkouts running the tests at once must not both `cargo install` into
# ~/.cargo/bin or both run apt-get. The lock is only taken when something is missing.
sb_locked() {
  local lock_dir="${CARGO_HOME:-$HOME/.cargo}"
  mkdir -p "$lock_dir"
  if command -v flock >/dev/null 2>&1; then
    (
      flock 9
      "$@"
    ) 9>"$lock_dir/.switchboard-setup.lock"
  else
    "$@"
  fi
}

sb_ensure_wasm_target() {
  if rustup target list --installed | grep -qx 'wasm32-unknown-unknown'; then
    return 0
  fi
  sb_log "adding the rustup target wasm32-unknown-unknown"
  sb_locked rustup target add wasm32-unknown-unknown
}

sb_trunk_ok() {
  command -v trunk >/dev/null 2>&1 &&
    [[ "$(trunk --version 2>/dev/null)" == "trunk $SB_TRUNK_VERSION" ]]
}

sb_install_trunk() {
  # Re-check under the lock: a parallel run may have installed it while we waited.
  sb_trunk_ok && return 0
  sb_log "installing Trunk $SB_TRUNK_VERSION (about 6 minutes on 2 cores)"
  # LTO off and 16 codegen units for this install only: a build tool does not need the last few
  # percent of speed, and it builds in ~6 min instead of ~14.
  # Its own temporary target dir, so it never waits on (or fills) the project's build dir.
  env -u CARGO_TARGET_DIR CARGO_PROFILE_RELEASE_LTO=off CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
    cargo install trunk --version "=$SB_TRUNK_VERSION" --locked --force
}

sb_ensure_trunk() {
  if ! sb_trunk_ok; then
    sb_locked sb_install_trunk || return 1
    sb_trunk_ok || {
      sb_log "Trunk $SB_TRUNK_VERSION is still not the 'trunk' on PATH: $(command -v trunk)"
      return 1
    }
  fi
}

# The wasm-bindgen version the app is built against, read from Cargo.lock.
sb_locked_wasm_bindgen_version() {
  awk '
    /^\[\[package\]\]/ { in_pkg = 0 }
    /^name = "wasm-bindgen"$/ { in_pkg = 1; next }
    in_pkg && /^version = / { gsub(/"/, "", $3); print $3; exit }
  ' "$1/Cargo.lock"
}

sb_wasm_bindgen_ok() {
  command -v wasm-bindgen >/dev/null 2>&1 &&
    command -v wasm-bindgen-test-runner >/dev/null 2>&1 &&
    [[ "$(wasm-bindgen --version 2>/dev/null)" == "wasm-bindgen $SB_WASM_BINDGEN_VERSION" ]]
}

sb_install_wasm_bindgen() {
  sb_wasm_bindgen_ok && return 0
  sb_log "installing wasm-bindgen-cli $SB_WASM_BINDGEN_VERSION (about 2 minutes)"
  # No --locked: the registry lacks one of its locked transitive versions.
  env -u CARGO_TARGET_DIR CARGO_PROFILE_RELEASE_LTO=off CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
    cargo install wasm-bindgen-cli --version "=$SB_WASM_BINDGEN_VERSION" --force
}

sb_ensure_wasm_bindgen() {
  local root="$1"
  SB_WASM_BINDGEN_VERSION="$(sb_locked_wasm_bindgen_version "$root")"
  if [[ -z "$SB_WASM_BINDGEN_VERSION" ]]; then
    sb_log "Cargo.lock has no wasm-bindgen package; run 'cargo generate-lockfile' first."
    return 1
  fi
  # Trunk.toml pins the same version so Trunk refuses any other; keep the two in step.
  local pinned
  pinned="$(sed -n 's/^wasm_bindgen *= *"\(.*\)"/\1/p' "$root/Trunk.toml")"
  if [[ -n "$pinned" && "$pinned" != "$SB_WASM_BINDGEN_VERSION" ]]; then
    sb_log "Trunk.toml pins wasm_bindgen = \"$pinned\" but Cargo.lock has" \
      "$SB_WASM_BINDGEN_VERSION; make them equal."
    return 1
  fi
  if ! sb_wasm_bindgen_ok; then
    sb_locked sb_install_wasm_bindgen || return 1
    sb_wasm_bindgen_ok || {
      sb_log "wasm-bindgen $SB_WASM_BINDGEN_VERSION is still not the one on PATH"
      return 1
    }
  fi
}

# The CLI has no --version flag; cargo's install list records which crate version put it there.
sb_wasm_split_ok() {
  command -v wasm-split-cli >/dev/null 2>&1 &&
    cargo install --list 2>/dev/null | grep -qx "wasm_split_cli_support v$SB_WASM_SPLIT_VERSION:"
}

sb_install_wasm_split() {
  sb_wasm_split_ok && return 0
  sb_log "installing wasm-split-cli $SB_WASM_SPLIT_VERSION (a few minutes)"
  env -u CARGO_TARGET_DIR CARGO_PROFILE_RELEASE_LTO=off CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
    cargo install wasm_split_cli_support --version "=$SB_WASM_SPLIT_VERSION" \
    --features build-binary --locked --force
}

sb_ensure_wasm_split() {
  if ! sb_wasm_split_ok; then
    sb_locked sb_install_wasm_split || return 1
    sb_wasm_split_ok || {
      sb_log "wasm-split-cli $SB_WASM_SPLIT_VERSION is still not the one on PATH"
      return 1
    }
  fi
}

# node_modules is up to date when it was installed from this exact package-lock.json; the hash
# is recorded after a successful `npm ci`, so an interrupted install is redone.
sb_ensure_node_modules() {
  local root="$1" stamp want have=""
  stamp="$root/node_modules/.switchboard-lock.sha256"
  want="$(sha256sum "$root/package-lock.json" | cut -d' ' -f1)"
  [[ -f "$stamp" ]] && have="$(cat "$stamp")"
  if [[ "$have" != "$want" || ! -x "$root/node_modules/.bin/wasm-opt" ]]; then
    sb_log "installing npm packages from package-lock.json (npm ci)"
    (cd "$root" && npm ci --no-audit --no-fund) || return 1
    echo "$want" >"$stamp"
  fi
  local version
  version="$(wasm-opt --version 2>/dev/null)"
  if [[ "$version" != *"version_$SB_WASM_OPT_VERSION"* ]]; then
    sb_log "wasm-opt on PATH ($(command -v wasm-opt): $version) is not binaryen" \
      "$SB_WASM_OPT_VERSION from node_modules"
    return 1
  fi
}

sb_chromium_version() {
  # Debian's wrapper script prints a harmless shell warning on stderr; keep only the version.
  /usr/bin/chromium --version 2>/dev/null | awk '{print $1, $2}'
}

sb_browser_ok() {
  [[ -x /usr/bin/chromium && -x /usr/bin/chromedriver ]]
}

sb_apt_install_browser() {
  sb_browser_ok && return 0
  local sudo=""
  if [[ $(id -u) != 0 ]]; then
    sb_require_command sudo "sudo, or run as root, to apt-get install chromium" || return 1
    sudo="sudo"
  fi
  sb_log "installing Debian chromium and chromium-driver"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update || return 1
  # The first install on a fresh machine once failed with a transient dpkg error; a plain retry
  # succeeded, so retry exactly once before giving up.
  $sudo apt-get install -y --no-install-recommends chromium chromium-driver ||
    {
      sb_log "apt-get install failed; retrying once"
      $sudo apt-get install -y --no-install-recommends chromium chromium-driver
    }
}

sb_ensure_browser() {
  if ! sb_browser_ok; then
    sb_locked sb_apt_install_browser || return 1
    sb_browser_ok || {
      sb_log "/usr/bin/chromium or /usr/bin/chromedriver is still missing"
      return 1
    }
  fi
  # ChromeDriver only drives the Chromium of the same major version.
  local browser driver
  browser="$(sb_chromium_version | awk '{split($2, v, "."); print v[1]}')"
  driver="$(/usr/bin/chromedriver --version | awk '{split($2, v, "."); print v[1]}')"
  if [[ "$browser" != "$driver" ]]; then
    sb_log "chromium $browser and chromedriver $driver differ; upgrade both together:" \
      "apt-get install chromium chromium-driver"
    return 1
  fi
}

if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
  # Run as a script: strict mode here only, so sourcing never changes the caller's options.
  set -euo pipefail
  sb_setup_main "$@"
else
  sb_setup_main "$@" || return 1
fi
