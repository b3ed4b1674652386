#!/usr/bin/env bash
# The README's "run" command: installs what is missing, builds, and starts
# Bulwark on SQLite at http://127.0.0.1:8080 (override with BULWARK_LISTEN).
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh
if [[ -f web/package.json ]]; then
  (cd web && npm ci --no-audit --no-fund --loglevel=error && npm run build --silent)
fi
scripts/build.sh

export BULWARK_DATA_DIR="${BULWARK_DATA_DIR:-./data}"
export BULWARK_LISTEN="${BULWARK_LISTEN:-127.0.0.1:8080}"
mkdir -p "$BULWARK_DATA_DIR"
./build/bulwark migrate

echo
echo "Bulwark is starting on http://${BULWARK_LISTEN}  (Ctrl-C stops it)"
echo
exec ./build/bulwark serve
