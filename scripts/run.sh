#!/usr/bin/env bash
# The README's "run" command: installs what is missing, builds, and starts
# Bulwark on SQLite at http://127.0.0.1:8080 (override with BULWARK_LISTEN),
# with a demo clamd for uploads.
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

# The organization's time zone: BULWARK_TIME_ZONE, else this host's zone
# (timedatectl, /etc/timezone, the /etc/localtime link), else UTC. Every local
# day and customer-facing time uses it; admins change it in Settings.
host_time_zone() {
  local tz=""
  tz=$(timedatectl show -p Timezone --value 2>/dev/null || true)
  [[ -n "$tz" ]] || tz=$(cat /etc/timezone 2>/dev/null || true)
  [[ -n "$tz" ]] || tz=$(readlink /etc/localtime 2>/dev/null | sed -n 's|.*zoneinfo/||p' || true)
  if [[ -n "$tz" && -f "/usr/share/zoneinfo/$tz" ]]; then echo "$tz"; else echo UTC; fi
}
ORG_TIME_ZONE="${BULWARK_TIME_ZONE:-$(host_time_zone)}"

# First run: an organization and its owner, with a generated password that
# is printed once (reset it with: bulwark admin reset-password --email ...).
OWNER_EMAIL="${BULWARK_OWNER_EMAIL:-owner@demo.example}"
if ./build/bulwark admin create-org --slug demo --name "Demo Septic Co." \
  --time-zone "$ORG_TIME_ZONE" >/dev/null 2>&1; then
  echo
  echo "Created organization 'demo' (time zone $ORG_TIME_ZONE) and its owner account:"
  ./build/bulwark admin create-user --org demo --email "$OWNER_EMAIL" --role owner \
    --name "Demo Owner" </dev/null 2>/dev/null
  echo "Keep that password: it is shown only once."
  echo
  echo "Adding demo data (a septic-service company: 200 customers, 1,000 work orders)..."
  ./build/bulwark admin seed-demo --org demo
else
  echo "Organization 'demo' exists; log in as $OWNER_EMAIL (or: ./build/bulwark admin list-users --org demo)"
fi

# Uploads are scanned by clamd (MUST-007; without one they are refused): a
# demo clamd whose signature database holds only the EICAR test signature,
# unless BULWARK_CLAMD_SOCKET or BULWARK_CLAMD_ADDRESS names a real one.
CLAMD_DIR=""
if [[ -z "${BULWARK_CLAMD_SOCKET:-}" && -z "${BULWARK_CLAMD_ADDRESS:-}" ]]; then
  CLAMD_DIR=$(scripts/clamd-test-server.sh start)
  export BULWARK_CLAMD_SOCKET="$CLAMD_DIR/clamd.sock"
  trap 'scripts/clamd-test-server.sh stop "$CLAMD_DIR"' EXIT
  echo "clamd (demo: EICAR-only signatures, finds nothing real) on $BULWARK_CLAMD_SOCKET"
fi

echo
echo "Bulwark is starting on http://${BULWARK_LISTEN}  (Ctrl-C stops it)"
echo
./build/bulwark serve
