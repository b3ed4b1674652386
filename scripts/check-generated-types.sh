#!/usr/bin/env bash
# The web app's generated types (web/src/api/types.gen.ts) must be what the
# server's resource descriptions give now: regenerates them into a temporary
# file with `bulwark gen-types` and compares.
#   scripts/check-generated-types.sh      (after building build/bulwark)
#   BULWARK_BIN=path/to/bulwark scripts/check-generated-types.sh
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${BULWARK_BIN:-build/bulwark}
COMMITTED=web/src/api/types.gen.ts

if [[ ! -x "$BIN" ]]; then
  echo "check-generated-types: $BIN is missing: build the server first (scripts/build.sh)" >&2
  exit 1
fi
tmp=$(mktemp "${TMPDIR:-/tmp}/types.gen.XXXXXX.ts")
trap 'rm -f "$tmp"' EXIT
"$BIN" gen-types --out "$tmp" >/dev/null

if [[ ! -f "$COMMITTED" ]]; then
  echo "check-generated-types: $COMMITTED is missing: run build/bulwark gen-types and commit it" >&2
  exit 1
fi
if ! diff -u --label "$COMMITTED (committed)" --label "$COMMITTED (generated now)" \
  "$COMMITTED" "$tmp"; then
  echo >&2
  echo "check-generated-types: $COMMITTED is stale: run build/bulwark gen-types and commit" >&2
  exit 1
fi
echo "check-generated-types: ok ($COMMITTED is current)"
