#!/usr/bin/env bash
# Work-order reads with many rows (issue 4): 2 organizations x N/2 work
# orders seeded with `bulwark admin seed-demo`, then wrk at 64 connections:
#  - list: 50 per page, filtered by status and assignee
#  - get by id: random ids of the caller's org
#   bench/work_orders.sh [TOTAL_WORK_ORDERS] [DURATION_SECONDS]
# Set BULWARK_DATABASE_URL to a postgresql:// URL to measure PostgreSQL.
set -euo pipefail
cd "$(dirname "$0")/.."
total=${1:-100000}
duration=${2:-10}
tmp=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$tmp"' EXIT
export BULWARK_DATA_DIR="$tmp/data" BULWARK_LISTEN=127.0.0.1:18083 BULWARK_LOG_LEVEL=warn
export BULWARK_RATE_STANDARD_PER_MINUTE=0 BULWARK_RATE_AUTH_PER_MINUTE=0
# wrk is one client address with many connections: no per-address limit.
export BULWARK_MAX_CONNECTIONS_PER_IP=0

start=$SECONDS
for org in bench-a bench-b; do
  ./build/bulwark admin seed-demo --org "$org" --customers 1000 --work-orders $((total / 2)) >/dev/null 2>&1
done
echo "seeded $total work orders in 2 organizations in $((SECONDS - start)) s"
pw="bench-only Granite Kettle 42"
echo "$pw" | ./build/bulwark admin create-user --org bench-a --email "owner@bench-a.example" \
  --role owner --password-stdin >/dev/null 2>&1 || true   # exists on a re-run against PostgreSQL
if [[ "${BULWARK_DATABASE_URL:-}" == postgres* ]]; then psql -q "$BULWARK_DATABASE_URL" -c ANALYZE; fi

./build/bulwark serve >"$tmp/server.log" &
for _ in $(seq 50); do curl -sf "http://$BULWARK_LISTEN/health" >/dev/null && break; sleep 0.1; done
cookie=$(curl -si -X POST "http://$BULWARK_LISTEN/api/v1/auth/login" -H 'Content-Type: application/json' \
  -d "{\"email\":\"owner@bench-a.example\",\"password\":\"$pw\"}" |
  sed -n 's/^Set-Cookie: \(__Host-session=[^;]*\).*/\1/p' | tr -d '\r')
tech=$(curl -s -H "Cookie: $cookie" "http://$BULWARK_LISTEN/api/v1/users?limit=10" |
  /usr/bin/python3 -c 'import json,sys; print(next(u["id"] for u in json.load(sys.stdin)["items"] if u["role"]=="technician"))')
range=$(curl -s -H "Cookie: $cookie" "http://$BULWARK_LISTEN/api/v1/work-orders?limit=1" |
  /usr/bin/python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["id"])')
export BENCH_MAX_ID=$range BENCH_MIN_ID=$((range - total / 2 + 1))

summary() { awk '/Requests\/sec/ {r=$2} $1=="99%" {p=$2} END {print r " req/s, p99 " p}' "$1"; }
wrk -t2 -c64 -d"${duration}s" --latency -H "Cookie: $cookie" \
  "http://$BULWARK_LISTEN/api/v1/work-orders?status=closed&assignee_id=$tech&limit=50" >"$tmp/list.txt"
wrk -t2 -c64 -d"${duration}s" --latency -H "Cookie: $cookie" -s bench/random_get.lua \
  "http://$BULWARK_LISTEN" >"$tmp/get.txt"
echo "list (50/page, status+assignee): $(summary "$tmp/list.txt")"
echo "get by id:                       $(summary "$tmp/get.txt")"
echo "RSS after load: $(( $(awk '/VmRSS/ {print $2}' /proc/$(jobs -p | head -1)/status) / 1024 )) MiB"
