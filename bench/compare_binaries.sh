#!/usr/bin/env bash
# Two builds side by side (issue 11: the typed layers must not cost speed):
# each binary serves its own copy of the same seeded work orders, and the
# list and get scenarios run for both, interleaved ROUNDS times in one
# session, so drift of the shared 2-core machine hits both alike. For every
# run it records req/s and the server's CPU time per request (utime + stime
# of the server process from /proc/PID/stat: what perf stat's task-clock
# counts, without attaching perf); the summary prints the medians and the
# ratio new/old.
#   bench/compare_binaries.sh OLD_BINARY NEW_BINARY [WORK_ORDERS] [SECONDS] [ROUNDS]
# Example: build the last landed commit in a worktree, then
#   bench/compare_binaries.sh /tmp/old/build/bulwark build/bulwark 20000 5 5
set -euo pipefail
cd "$(dirname "$0")/.."
old_bin=$(realpath "$1")
new_bin=$(realpath "$2")
total=${3:-20000}
duration=${4:-5}
rounds=${5:-5}
for tool in wrk curl; do
  command -v "$tool" >/dev/null || { echo "needs $tool: scripts/install-deps.sh --bench" >&2; exit 2; }
done

tmp=$(mktemp -d)
server_pid=""
trap '[[ -n "$server_pid" ]] && kill "$server_pid" 2>/dev/null; rm -rf "$tmp"' EXIT
export BULWARK_LISTEN=127.0.0.1:18084 BULWARK_LOG_LEVEL=warn
export BULWARK_RATE_STANDARD_PER_MINUTE=0 BULWARK_RATE_AUTH_PER_MINUTE=0
export BULWARK_MAX_CONNECTIONS_PER_IP=0
pw="bench-only Granite Kettle 42"

# Each binary seeds its own data directory (its own migrations), same sizes.
seed() {  # seed NAME BINARY
  export BULWARK_DATA_DIR="$tmp/$1"
  echo "seeding $total work orders for $1 ..."
  "$2" admin seed-demo --org bench-a --customers 500 --work-orders "$total" >/dev/null 2>&1
  echo "$pw" | "$2" admin create-user --org bench-a --email owner@bench-a.example --role owner \
    --password-stdin >/dev/null 2>&1
}
seed old "$old_bin"
seed new "$new_bin"

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }  # utime + stime, in clock ticks
hz=$(getconf CLK_TCK)

# run NAME BINARY ROUND: serve, log in, run both scenarios, stop.
run() {
  export BULWARK_DATA_DIR="$tmp/$1"
  "$2" serve >"$tmp/$1.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 100); do curl -sf "http://$BULWARK_LISTEN/health" >/dev/null && break; sleep 0.1; done
  local cookie tech top
  cookie=$(curl -si -X POST "http://$BULWARK_LISTEN/api/v1/auth/login" \
    -H 'Content-Type: application/json' \
    -d "{\"email\":\"owner@bench-a.example\",\"password\":\"$pw\"}" |
    sed -n 's/^Set-Cookie: \(__Host-session=[^;]*\).*/\1/p' | tr -d '\r')
  tech=$(curl -s -H "Cookie: $cookie" "http://$BULWARK_LISTEN/api/v1/users?limit=10" |
    /usr/bin/python3 -c 'import json,sys; print(next(u["id"] for u in json.load(sys.stdin)["items"] if u["role"]=="technician"))')
  top=$(curl -s -H "Cookie: $cookie" "http://$BULWARK_LISTEN/api/v1/work-orders?limit=1" |
    /usr/bin/python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["id"])')
  export BENCH_MAX_ID=$top BENCH_MIN_ID=$((top - total + 1))
  local scenario url script
  for scenario in list get; do
    if [[ $scenario == list ]]; then
      url="http://$BULWARK_LISTEN/api/v1/work-orders?status=closed&assignee_id=$tech&limit=50"
      script=()
    else
      url="http://$BULWARK_LISTEN"
      script=(-s bench/random_get.lua)
    fi
    local before after
    before=$(cpu_ticks "$server_pid")
    wrk -t2 -c64 -d"${duration}s" --latency -H "Cookie: $cookie" "${script[@]}" "$url" \
      >"$tmp/wrk.txt"
    after=$(cpu_ticks "$server_pid")
    awk -v name="$1" -v sc="$scenario" -v round="$3" -v cpu=$((after - before)) -v hz="$hz" '
      /Requests\/sec/ {rps = $2}
      /requests in/ {n = $1}
      $1 == "99%" {p99 = $2}
      END {printf "%s %s %s %.0f %s %.1f\n", name, sc, round, rps, p99, cpu / hz * 1e6 / n}' \
      "$tmp/wrk.txt" | tee -a "$tmp/results.txt"
  done
  kill "$server_pid"
  wait "$server_pid" 2>/dev/null || true
  server_pid=""
}

echo "binary scenario round req/s p99 cpu-us-per-request"
for round in $(seq "$rounds"); do
  # Alternate who goes first, so neither always runs on a warmer machine.
  if ((round % 2)); then run old "$old_bin" "$round"; run new "$new_bin" "$round"
  else run new "$new_bin" "$round"; run old "$old_bin" "$round"; fi
done

/usr/bin/python3 - "$tmp/results.txt" <<'PY'
import statistics, sys
rows = [l.split() for l in open(sys.argv[1])]
def med(name, sc, col):
    return statistics.median(float(r[col]) for r in rows if r[0] == name and r[1] == sc)
print()
print("medians            old        new     new/old")
for sc in ("list", "get"):
    o, n = med("old", sc, 3), med("new", sc, 3)
    print(f"{sc:5} req/s   {o:9.0f}  {n:9.0f}   {n / o:6.3f}")
    o, n = med("old", sc, 5), med("new", sc, 5)
    print(f"{sc:5} cpu us/req {o:7.1f}  {n:9.1f}   {n / o:6.3f}")
PY
