#!/usr/bin/env bash
# Browser tests of the web app (Playwright + Debian's Chromium) against real
# Bulwark servers started here on 127.0.0.1 with throwaway data.
#
#   scripts/web-e2e.sh                      # everything
#   scripts/web-e2e.sh e2e/security         # only the security specs
#   scripts/web-e2e.sh -g MUST-004          # any Playwright arguments
#
# Needs: build/bulwark (scripts/build.sh) and web/dist (cd web && npm ci &&
# npm run build), /usr/bin/chromium, openssl. Passwords are generated per run
# and never written to the repository. Exit code: Playwright's.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BIN="${BULWARK_BIN:-$ROOT/build/bulwark}"
WEB="$ROOT/web"

[[ -x "$BIN" ]] || { echo "web-e2e: $BIN is missing; run scripts/build.sh first" >&2; exit 2; }
[[ -f "$WEB/dist/index.html" ]] || { echo "web-e2e: web/dist is missing; run (cd web && npm ci && npm run build)" >&2; exit 2; }
[[ -x /usr/bin/chromium ]] || { echo "web-e2e: /usr/bin/chromium is missing (apt-get install chromium)" >&2; exit 2; }
command -v openssl >/dev/null || { echo "web-e2e: openssl is missing" >&2; exit 2; }
if [[ ! -d "$WEB/node_modules/@playwright/test" ]]; then
  (cd "$WEB" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund)
fi

WORK="$(mktemp -d "${TMPDIR:-/tmp}/bulwark-web-e2e.XXXXXX")"
PIDS=()
CLAMD_DIR=""
OIDC_DIR=""
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  [[ -n "$CLAMD_DIR" ]] && "$ROOT/scripts/clamd-test-server.sh" stop "$CLAMD_DIR"
  [[ -n "$OIDC_DIR" ]] && "$ROOT/scripts/oidc-test-provider.sh" stop "$OIDC_DIR"
  rm -rf "$WORK"
}
trap cleanup EXIT INT TERM

# A password the server's strength check accepts, different every run.
new_password() { echo "e2e-$(openssl rand -hex 12)-Granite-Kettle"; }

# Test-only webhook secrets made up per run. The Twilio token is also given
# to the tests (E2E_TWILIO_AUTH_TOKEN) so they can sign an inbound text the
# way Twilio would (a customer replying YES); without an account SID the
# server still counts Twilio as not configured, so nothing is ever sent.
export E2E_TWILIO_AUTH_TOKEN="$(openssl rand -hex 16)"
STRIPE_WEBHOOK_SECRET="whsec_$(openssl rand -hex 16)"

# Settings shared by both servers: loopback only, generous rate limits so
# the tests are not throttled.
common_env() {
  export BULWARK_LISTEN=127.0.0.1:0
  export BULWARK_WEB_DIR="$WEB/dist"
  export BULWARK_RATE_AUTH_PER_MINUTE=100000
  export BULWARK_RATE_STANDARD_PER_MINUTE=100000
  export BULWARK_IP_FAILURE_LIMIT=100000
  export BULWARK_BCRYPT_COST=12
  export BULWARK_TWILIO_AUTH_TOKEN="$E2E_TWILIO_AUTH_TOKEN"
  export BULWARK_STRIPE_WEBHOOK_SECRET="$STRIPE_WEBHOOK_SECRET"
  export BULWARK_LOG_LEVEL=info
}

# start_server NAME [ENV=VALUE...]: migrates a fresh data dir, starts
# `bulwark serve` and sets SERVER_URL once it logs "listening".
start_server() {
  local name="$1"; shift
  local dir="$WORK/$name"
  mkdir -p "$dir/data"
  (
    common_env
    export BULWARK_DATA_DIR="$dir/data"
    for kv in "$@"; do export "$kv"; done
    "$BIN" migrate >"$dir/migrate.log" 2>&1
    exec "$BIN" serve >"$dir/server.log" 2>&1
  ) &
  PIDS+=("$!")
  local address=""
  for _ in $(seq 1 200); do
    address="$(grep -m1 '"msg":"listening"' "$dir/server.log" 2>/dev/null | sed -E 's/.*"address":"([^"]+)".*/\1/' || true)"
    [[ -n "$address" ]] && break
    if ! kill -0 "${PIDS[-1]}" 2>/dev/null; then
      echo "web-e2e: server $name exited:" >&2; cat "$dir/migrate.log" "$dir/server.log" >&2; exit 2
    fi
    sleep 0.1
  done
  [[ -n "$address" ]] || { echo "web-e2e: server $name did not start" >&2; cat "$dir/server.log" >&2; exit 2; }
  SERVER_URL="http://$address"
}

# admin NAME ARGS...: `bulwark admin` against server NAME's data dir.
admin() {
  local name="$1"; shift
  ( common_env; export BULWARK_DATA_DIR="$WORK/$name/data"; "$BIN" admin "$@" )
}

create_user() {  # create_user SERVER ORG ROLE EMAIL NAME PASSWORD
  printf '%s\n' "$6" | admin "$1" create-user --org "$2" --email "$4" --role "$3" --name "$5" --password-stdin \
    >"$WORK/admin.log" 2>&1 || { cat "$WORK/admin.log" >&2; exit 2; }
}

# Uploads are scanned (MUST-007): the test command's clamd, or one of our own.
if [[ -z "${BULWARK_CLAMD_SOCKET:-}" ]]; then
  CLAMD_DIR="$("$ROOT/scripts/clamd-test-server.sh" start)"
  export BULWARK_CLAMD_SOCKET="$CLAMD_DIR/clamd.sock"
fi

# A real SMTP server on loopback (the API tests' aiosmtpd sink, Debian
# python3-aiosmtpd): the invitation spec reads the link from what arrives
# (E2E_SMTP_OUT/messages.jsonl).
SMTP_PORT="$(/usr/bin/python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
export E2E_SMTP_OUT="$WORK/smtp"
mkdir -p "$E2E_SMTP_OUT"
/usr/bin/python3 "$ROOT/tests/api/fixtures/smtp_sink.py" --port "$SMTP_PORT" --out "$E2E_SMTP_OUT" \
  >"$WORK/smtp.log" 2>&1 &
PIDS+=("$!")
for _ in $(seq 1 100); do grep -q ready "$WORK/smtp.log" 2>/dev/null && break; sleep 0.1; done
grep -q ready "$WORK/smtp.log" || { echo "web-e2e: the SMTP sink did not start" >&2; cat "$WORK/smtp.log" >&2; exit 2; }

# The main server: one organization with an owner, a dispatcher and a technician.
start_server main "BULWARK_SMTP_URL=smtp://127.0.0.1:$SMTP_PORT" \
  "BULWARK_MAIL_FROM=dispatch@e2e.example" "BULWARK_JOBS_INTERVAL=100ms"
export E2E_BASE_URL="$SERVER_URL"
admin main create-org --slug e2e --name "E2E Septic Co." --time-zone UTC >/dev/null
export E2E_OWNER_EMAIL="owner@e2e.example" E2E_OWNER_PASSWORD="$(new_password)"
export E2E_DISPATCHER_EMAIL="dispatch@e2e.example" E2E_DISPATCHER_PASSWORD="$(new_password)"
export E2E_TECH_EMAIL="tech@e2e.example" E2E_TECH_PASSWORD="$(new_password)"
create_user main e2e owner "$E2E_OWNER_EMAIL" "Olive Owner" "$E2E_OWNER_PASSWORD"
create_user main e2e dispatcher "$E2E_DISPATCHER_EMAIL" "Dana Dispatcher" "$E2E_DISPATCHER_PASSWORD"
create_user main e2e technician "$E2E_TECH_EMAIL" "Theo Technician" "$E2E_TECH_PASSWORD"
# A viewer whose role the admin spec changes (users are invited now; the
# invitation spec covers that path).
export E2E_VIEWER_EMAIL="viewer@e2e.example"
create_user main e2e viewer "$E2E_VIEWER_EMAIL" "Vic Viewer" "$(new_password)"
# A plant operator who follows their own work requests (work-requests spec).
export E2E_REQUESTER_EMAIL="operator@e2e.example" E2E_REQUESTER_PASSWORD="$(new_password)"
create_user main e2e requester "$E2E_REQUESTER_EMAIL" "Pat Operator" "$E2E_REQUESTER_PASSWORD"
# Its SMS number comes from the operator, as in production (the API cannot
# set one); --unverified because this server has no Twilio account to ask.
export E2E_SMS_NUMBER="+1555$(printf '%07d' $(( $(od -An -N4 -tu4 /dev/urandom) % 10000000 )))"
admin main set-sms-number --org e2e --number "$E2E_SMS_NUMBER" --unverified >"$WORK/admin.log" 2>&1 \
  || { cat "$WORK/admin.log" >&2; exit 2; }

# A second organization in New York (the time-zone spec): an owner and a technician.
admin main create-org --slug e2e-ny --name "NY Septic Co." --time-zone America/New_York >/dev/null
export E2E_NY_OWNER_EMAIL="owner@ny.example" E2E_NY_OWNER_PASSWORD="$(new_password)"
create_user main e2e-ny owner "$E2E_NY_OWNER_EMAIL" "Nora York" "$E2E_NY_OWNER_PASSWORD"
create_user main e2e-ny technician "tech@ny.example" "Ned Technician" "$(new_password)"

# A second server whose sessions expire after 3 idle seconds (the idle-expiry test).
export E2E_IDLE_SECONDS=3
start_server idle "BULWARK_SESSION_IDLE_TIMEOUT=${E2E_IDLE_SECONDS}s"
export E2E_IDLE_BASE_URL="$SERVER_URL"
admin idle create-org --slug idle --name "Idle Co." --time-zone UTC >/dev/null
export E2E_IDLE_EMAIL="owner@idle.example" E2E_IDLE_PASSWORD="$(new_password)"
create_user idle idle owner "$E2E_IDLE_EMAIL" "Ida Idle" "$E2E_IDLE_PASSWORD"

# Single sign-on (sso.spec.ts): a real OpenID provider (the test command's,
# or one of our own) and a server on a port known before it starts (its
# public URL is the provider's redirect URI), trusting the provider's CA.
free_port() { /usr/bin/python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
if [[ -z "${BULWARK_TEST_OIDC_DIR:-}" ]]; then
  OIDC_DIR="$("$ROOT/scripts/oidc-test-provider.sh" start "$(free_port)")"
  BULWARK_TEST_OIDC_DIR="$OIDC_DIR"
fi
# shellcheck disable=SC1091
. "$BULWARK_TEST_OIDC_DIR/env"
SSO_PORT="$(free_port)"
start_server sso "BULWARK_LISTEN=127.0.0.1:$SSO_PORT" "BULWARK_PUBLIC_URL=http://127.0.0.1:$SSO_PORT" \
  "BULWARK_OUTBOUND_ALLOW=127.0.0.1" "BULWARK_OUTBOUND_CA_FILE=$OIDC_CA_FILE"
export E2E_SSO_BASE_URL="$SERVER_URL"
admin sso create-org --slug sso --name "SSO Co." --time-zone UTC >/dev/null
admin sso org verify-domain --org sso "$OIDC_EMAIL_DOMAIN" >/dev/null
export E2E_SSO_OWNER_EMAIL="owner@sso.example" E2E_SSO_OWNER_PASSWORD="$(new_password)"
create_user sso sso owner "$E2E_SSO_OWNER_EMAIL" "Sam Owner" "$E2E_SSO_OWNER_PASSWORD"
export E2E_SSO_MEMBER_EMAIL="mia@$OIDC_EMAIL_DOMAIN"
create_user sso sso dispatcher "$E2E_SSO_MEMBER_EMAIL" "Mia Member" "$(new_password)"
export E2E_SSO_ISSUER="$OIDC_ISSUER" E2E_SSO_CLIENT_ID="$OIDC_CLIENT_ID" E2E_SSO_CLIENT_SECRET="$OIDC_CLIENT_SECRET"

echo "web-e2e: main server $E2E_BASE_URL, idle-timeout server $E2E_IDLE_BASE_URL, SSO server $E2E_SSO_BASE_URL"

cd "$WEB"
rm -rf "$WEB/test-results/screenshots"  # only this run's pictures
rc=0
PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npx playwright test "$@" || rc=$?

# Three small screenshots for the README (login, work orders, my day on a phone).
SHOTS="$WEB/test-results/screenshots"
if [[ -d "$SHOTS" ]]; then
  mkdir -p "$WEB/docs-screenshots"
  for f in login.png work-orders.png my-day-phone.png; do
    [[ -f "$SHOTS/$f" ]] && cp "$SHOTS/$f" "$WEB/docs-screenshots/$f"
  done
fi
if [[ $rc -ne 0 ]]; then
  echo "web-e2e: Playwright failed (exit $rc); server logs:" >&2
  tail -n 20 "$WORK"/main/server.log >&2 || true
fi
exit "$rc"
