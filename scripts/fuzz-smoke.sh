#!/usr/bin/env bash
# A short smoke run of every cargo-fuzz target in fuzz/ (SPEC §8): the MIME import, the address
# parser, the signature token renderer + sanitiser and the header builder, a few seconds each,
# failing on any crash or broken invariant (fuzz/src/lib.rs). Installs cargo-fuzz (pinned) when
# it is missing. cargo-fuzz needs nightly flags; on the stable toolchain RUSTC_BOOTSTRAP=1 allows
# them, and no sanitizer is used (libFuzzer only), so no nightly toolchain is needed.
#
#   scripts/fuzz-smoke.sh            # 5 s per target
#   FUZZ_SECONDS=60 scripts/fuzz-smoke.sh
#   RUSTC_BOOTSTRAP=1 cargo fuzz run --sanitizer none parse_eml    # a real session
#
# Cost measured on the 2-core machine: first build ~8.5 min (cargo-fuzz install ~10 min more);
# warm re-run ~30 s for the four targets.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

CARGO_FUZZ_VERSION=0.13.1
seconds="${FUZZ_SECONDS:-5}"
export RUSTC_BOOTSTRAP=1
# Its own target dir: the fuzz build uses other flags than the app and must not evict it.
export CARGO_TARGET_DIR="${FUZZ_TARGET_DIR:-${CARGO_TARGET_DIR:-target}/fuzz}"

if [[ "$(cargo fuzz --version 2>/dev/null)" != "cargo-fuzz $CARGO_FUZZ_VERSION" ]]; then
  echo "fuzz-smoke: installing cargo-fuzz $CARGO_FUZZ_VERSION"
  lock_dir="${CARGO_HOME:-$HOME/.cargo}"
  (
    flock 9
    cargo install cargo-fuzz --version "$CARGO_FUZZ_VERSION" --locked
  ) 9>"$lock_dir/.switchboard-setup.lock"
fi

cargo fuzz build --sanitizer none
corpus_root="$(mktemp -d -t switchboard-fuzz.XXXXXX)"
trap 'rm -rf "$corpus_root"' EXIT
for target in parse_eml address signature build_message; do
  mkdir -p "$corpus_root/$target"
  seeds=()
  # Real mail as the starting point of the MIME import.
  [[ "$target" == parse_eml ]] && seeds=(public/samples)
  echo "fuzz-smoke: $target for ${seconds}s"
  log="$corpus_root/$target.log"
  if ! cargo fuzz run --sanitizer none "$target" "$corpus_root/$target" "${seeds[@]}" -- \
    -max_total_time="$seconds" >"$log" 2>&1; then
    grep -E 'panicked|ERROR|SUMMARY|artifact|at src' "$log" | head -n 20 >&2 || true
    echo "fuzz-smoke: $target FAILED (the crashing input is under fuzz/artifacts/$target/)" >&2
    exit 1
  fi
  # libFuzzer's last line: how many inputs ran.
  grep -E '^Done [0-9]+ runs' "$log" || tail -n 1 "$log"
done
echo "fuzz-smoke: all 4 targets ran ${seconds}s each without a crash"
