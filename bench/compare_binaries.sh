#!/usr/bin/env bash
# Two builds side by side (issue 11: the typed layers must not cost speed):
# each binary serves its own copy of the same seeded work orders, and the
# list and get scenarios run for both, interleaved ROUNDS times in one
# session, so drift of the shared 2-core machine hits both alike. For every
# run it records req/s, p99 and the server's CPU time per request (utime +
# stime of the server process from /proc/PID/stat: what perf stat's
# task-clock counts, without attaching perf); the summary prints the medians
# and the ratio new/old.
#   bench/compare_binaries.sh OLD_BINARY NEW_BINARY [WORK_ORDERS] [SECONDS] [ROUNDS]
# Example: build the last landed commit in a worktree, then
#   bench/compare_binaries.sh /tmp/old/build/bulwark build/bulwark 20000 5 5
# A binary that seals personal data (issue 13 on) needs BULWARK_MASTER_KEY
# in the environment; the other ignores it.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
old_bin=$(realpath "$1")
new_bin=$(realpath "$2")
total=${3:-20000}
duration=${4:-5}
rounds=${5:-5}
bench_need wrk curl

tmp=$(mktemp -d)
trap 'bench_stop; rm -rf "$tmp"' EXIT
bench_env 18084

# Each binary seeds its own data directory (its own migrations), same sizes.
seed() {  # seed NAME BINARY
  export BULWARK_DATA_DIR="$tmp/$1"
  echo "seeding $total work orders for $1 ..."
  "$2" admin seed-demo --org bench-a --customers 500 --work-orders "$total" >/dev/null 2>&1
  bench_owner "$2" bench-a
}
seed old "$old_bin"
seed new "$new_bin"

# run NAME BINARY ROUND: serve, log in, run both scenarios, stop.
run() {
  export BULWARK_DATA_DIR="$tmp/$1"
  bench_serve "$2" "$tmp/$1.log"
  local cookie tech top
  cookie=$(bench_login owner@bench-a.example)
  tech=$(bench_json "$cookie" "/api/v1/users?limit=10" \
    'next(u["id"] for u in j["items"] if u["role"] == "technician")')
  top=$(bench_json "$cookie" "/api/v1/work-orders?limit=1" 'j["items"][0]["id"]')
  export BENCH_MAX_ID=$top BENCH_MIN_ID=$((top - total + 1))
  bench_wrk "$1 list $3" "$duration" "$cookie" \
    "http://$BULWARK_LISTEN/api/v1/work-orders?status=closed&assignee_id=$tech&limit=50" |
    tee -a "$tmp/results.txt"
  bench_wrk "$1 get $3" "$duration" "$cookie" "http://$BULWARK_LISTEN" -s bench/random_get.lua |
    tee -a "$tmp/results.txt"
  bench_stop
}

echo "binary scenario round req/s p99-ms cpu-us-per-request"
for round in $(seq "$rounds"); do
  # Alternate who goes first, so neither always runs on a warmer machine.
  if ((round % 2)); then run old "$old_bin" "$round"; run new "$new_bin" "$round"
  else run new "$new_bin" "$round"; run old "$old_bin" "$round"; fi
done

bench_medians "$tmp/results.txt" list get
