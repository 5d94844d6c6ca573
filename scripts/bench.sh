#!/usr/bin/env bash
# The benchmark command (issue 9; not part of the test command): installs whatever is missing
# first (scripts/setup.sh --browser, as the test command does), then bench/run.mjs builds the
# release app and a debug build (for the draft commit log), seeds IndexedDB through the app,
# drives headless Chromium and prints one table of medians and p95s against the budgets, with
# the plain-JavaScript baseline measured in the same run. Options go to bench/run.mjs:
#   bash scripts/bench.sh [--runs N] [--no-build --dist DIR --debug-dist DIR]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/setup.sh --browser
node bench/run.mjs "$@"
