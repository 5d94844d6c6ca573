#!/usr/bin/env bash
# Serves Switchboard on http://127.0.0.1:8080 with live reload (address and port: Trunk.toml).
# Installs whatever is missing first (see scripts/setup.sh). Extra arguments go to `trunk serve`,
# e.g. `bash scripts/serve.sh --release`.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/setup.sh --
exec trunk serve "$@"
