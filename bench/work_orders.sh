#!/usr/bin/env bash
# Work-order reads with many rows (issue 4): 2 organizations x N/2 work
# orders seeded with `bulwark admin seed-demo`, then wrk at 64 connections:
#  - list: 50 per page, filtered by status and assignee
#  - get by id: random ids of the caller's org
#   bench/work_orders.sh [TOTAL_WORK_ORDERS] [DURATION_SECONDS]
# Set BULWARK_DATABASE_URL to a postgresql:// URL to measure PostgreSQL.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
total=${1:-100000}
duration=${2:-10}
bench_need wrk curl
tmp=$(mktemp -d)
trap 'bench_stop; rm -rf "$tmp"' EXIT
export BULWARK_DATA_DIR="$tmp/data"
bench_env 18083

start=$SECONDS
for org in bench-a bench-b; do
  ./build/bulwark admin seed-demo --org "$org" --customers 1000 --work-orders $((total / 2)) >/dev/null 2>&1
done
echo "seeded $total work orders in 2 organizations in $((SECONDS - start)) s"
bench_owner ./build/bulwark bench-a
if [[ "${BULWARK_DATABASE_URL:-}" == postgres* ]]; then psql -q "$BULWARK_DATABASE_URL" -c ANALYZE; fi

bench_serve ./build/bulwark "$tmp/server.log"
cookie=$(bench_login owner@bench-a.example)
tech=$(bench_json "$cookie" "/api/v1/users?limit=10" \
  'next(u["id"] for u in j["items"] if u["role"] == "technician")')
range=$(bench_json "$cookie" "/api/v1/work-orders?limit=1" 'j["items"][0]["id"]')
export BENCH_MAX_ID=$range BENCH_MIN_ID=$((range - total / 2 + 1))

summary() { awk '{print $2 " req/s, p99 " $3 " ms"}'; }
echo "list (50/page, status+assignee): $(bench_wrk list "$duration" "$cookie" \
  "http://$BULWARK_LISTEN/api/v1/work-orders?status=closed&assignee_id=$tech&limit=50" | summary)"
echo "get by id:                       $(bench_wrk get "$duration" "$cookie" \
  "http://$BULWARK_LISTEN" -s bench/random_get.lua | summary)"
echo "RSS after load: $(($(awk '/VmRSS/ {print $2}' "/proc/$server_pid/status") / 1024)) MiB"
