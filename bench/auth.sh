#!/usr/bin/env bash
# Identity benchmarks (issue 3), wrk on loopback:
#  1. login throughput vs the 2-core bcrypt capacity (cost 12)
#  2. GET /api/v1/auth/me requests/s and p99 at 64 connections
#  3. GET /api/v1/auth/me p99 while 32 clients hammer login with wrong passwords
#   bench/auth.sh [DURATION_SECONDS]   (after scripts/build.sh; needs wrk)
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${1:-10}
tmp=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$tmp"' EXIT
export BULWARK_DATA_DIR="$tmp/data" BULWARK_LISTEN=127.0.0.1:18082
export BULWARK_RATE_AUTH_PER_MINUTE=0 BULWARK_RATE_STANDARD_PER_MINUTE=0
export BULWARK_IP_FAILURE_LIMIT=1000000 BULWARK_LOCKOUT_FAILURES=1000
export BULWARK_LOG_LEVEL=warn
# wrk is one client address with many connections: no per-address limit.
export BULWARK_MAX_CONNECTIONS_PER_IP=0
./build/bulwark serve >"$tmp/server.log" &
for _ in $(seq 50); do curl -sf http://$BULWARK_LISTEN/health >/dev/null && break; sleep 0.1; done

export BENCH_EMAIL=bench@example.com BENCH_PASSWORD="bench-only Granite Kettle 42"
./build/bulwark admin create-org --slug bench --name Bench --time-zone UTC >/dev/null
echo "$BENCH_PASSWORD" | ./build/bulwark admin create-user --org bench --email "$BENCH_EMAIL" \
  --role owner --password-stdin >/dev/null 2>&1
cookie=$(curl -si -X POST "http://$BULWARK_LISTEN/api/v1/auth/login" -H 'Content-Type: application/json' \
  -d "{\"email\":\"$BENCH_EMAIL\",\"password\":\"$BENCH_PASSWORD\"}" |
  sed -n 's/^Set-Cookie: \(__Host-session=[^;]*\).*/\1/p' | tr -d '\r')

hash_ms=$(/usr/bin/python3 - <<'PY'
import crypt, time
salt = crypt.mksalt(crypt.METHOD_BLOWFISH, rounds=4096)  # cost 12
start = time.perf_counter()
for _ in range(5):
    crypt.crypt("bench-only Granite Kettle 42", salt)
print(round((time.perf_counter() - start) / 5 * 1000, 1))
PY
)
capacity=$(awk -v ms="$hash_ms" 'BEGIN {printf "%.1f", 2 * 1000 / ms}')

summary() {  # file -> "rps p99"
  awk '/Requests\/sec/ {r=$2} $1=="99%" {p=$2} END {print r, p}' "$1"
}

wrk -t2 -c8 -d"${duration}s" --latency -s bench/login.lua "http://$BULWARK_LISTEN/api/v1/auth/login" >"$tmp/login.txt"
read -r login_rps login_p99 < <(summary "$tmp/login.txt")
wrk -t2 -c64 -d"${duration}s" --latency -H "Cookie: $cookie" "http://$BULWARK_LISTEN/api/v1/auth/me" >"$tmp/me.txt"
read -r me_rps me_p99 < <(summary "$tmp/me.txt")
wrk -t2 -c64 -d"${duration}s" --latency "http://$BULWARK_LISTEN/health" >"$tmp/health.txt"
read -r health_rps health_p99 < <(summary "$tmp/health.txt")

BENCH_PASSWORD="wrong password" wrk -t1 -c32 -d"$((duration + 4))s" -s bench/login.lua \
  "http://$BULWARK_LISTEN/api/v1/auth/login" >"$tmp/storm.txt" &
storm=$!
sleep 2
wrk -t1 -c8 -d"${duration}s" --latency -H "Cookie: $cookie" "http://$BULWARK_LISTEN/api/v1/auth/me" >"$tmp/me-storm.txt"
wait "$storm"
read -r storm_me_rps storm_me_p99 < <(summary "$tmp/me-storm.txt")
read -r storm_login_rps _ < <(summary "$tmp/storm.txt")

echo "bcrypt-12 hash: ${hash_ms} ms -> 2-core capacity ${capacity} logins/s"
echo "login:              ${login_rps} req/s (p99 ${login_p99}), $(awk -v a="$login_rps" -v b="$capacity" 'BEGIN {printf "%.0f", 100*a/b}')% of capacity"
echo "GET /auth/me:       ${me_rps} req/s, p99 ${me_p99} ($(awk -v a="$me_rps" -v b="$health_rps" 'BEGIN {printf "%.0f", 100*a/b}')% of /health ${health_rps} req/s)"
echo "me during storm:    ${storm_me_rps} req/s, p99 ${storm_me_p99} (32 clients sending wrong passwords: ${storm_login_rps} req/s)"
