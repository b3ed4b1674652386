# Shared helpers of the bench/ scripts (sourced, never run): the tools they
# need, the server's environment, serving and stopping a binary, logging in,
# one wrk run recorded as one line (req/s, p99, server CPU per request) and
# the medians of those lines per binary and scenario.
#   source "$(dirname "$0")/lib.sh"
# shellcheck shell=bash

bench_password="bench-only Granite Kettle 42"
server_pid=""

# bench_need TOOL...: exit 2 naming the first one missing.
bench_need() {
  local tool
  for tool in "$@"; do
    command -v "$tool" >/dev/null || {
      echo "needs $tool: scripts/install-deps.sh --bench" >&2
      exit 2
    }
  done
}

# bench_env PORT: listen on 127.0.0.1:PORT, quiet logs, no rate limits and no
# per-address connection limit (wrk is one client address with many
# connections).
bench_env() {
  export BULWARK_LISTEN=127.0.0.1:$1 BULWARK_LOG_LEVEL=warn
  export BULWARK_RATE_STANDARD_PER_MINUTE=0 BULWARK_RATE_AUTH_PER_MINUTE=0
  export BULWARK_MAX_CONNECTIONS_PER_IP=0
}

# bench_owner BINARY ORG: the owner owner@ORG.example with bench_password
# (kept when it exists already, as on a re-run against PostgreSQL).
bench_owner() {
  echo "$bench_password" | "$1" admin create-user --org "$2" --email "owner@$2.example" \
    --role owner --password-stdin >/dev/null 2>&1 || true
}

# bench_serve BINARY LOG: serve in the background (server_pid) until /health
# answers; on failure the log's tail goes to stderr.
bench_serve() {
  "$1" serve >"$2" 2>&1 &
  server_pid=$!
  for _ in $(seq 100); do
    curl -sf "http://$BULWARK_LISTEN/health" >/dev/null && return 0
    sleep 0.1
  done
  echo "$1 did not answer /health; the end of its log:" >&2
  tail -20 "$2" >&2
  return 1
}

# bench_stop: stop the server bench_serve started (also from an EXIT trap).
bench_stop() {
  if [[ -n $server_pid ]]; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
    server_pid=""
  fi
}

# bench_login EMAIL: prints the session cookie ("__Host-session=...").
bench_login() {
  curl -si -X POST "http://$BULWARK_LISTEN/api/v1/auth/login" \
    -H 'Content-Type: application/json' \
    -d "{\"email\":\"$1\",\"password\":\"$bench_password\"}" |
    sed -n 's/^Set-Cookie: \(__Host-session=[^;]*\).*/\1/p' | tr -d '\r'
}

# bench_json COOKIE PATH EXPR: GET PATH and print the Python expression EXPR
# of its JSON body `j`.
bench_json() {
  curl -sf -H "Cookie: $1" "http://$BULWARK_LISTEN$2" |
    /usr/bin/python3 -c "import json, sys; j = json.load(sys.stdin); print($3)"
}

bench_ticks() { awk '{print $14 + $15}' "/proc/$server_pid/stat"; }  # utime + stime

# bench_settle: wait (up to 60 s) until the server has used at most 2 clock
# ticks of CPU in half a second: a slow scenario leaves requests queued
# after wrk stops, and their work must not count in the next one.
bench_settle() {
  local a b
  for _ in $(seq 120); do
    a=$(bench_ticks)
    sleep 0.5
    b=$(bench_ticks)
    ((b - a <= 2)) && return 0
  done
}

# bench_wrk LABEL SECONDS COOKIE URL [WRK_ARGS...]: wrk at 2 threads and 64
# connections (10 s timeout: slow searches queue for seconds) against the
# settled server of bench_serve; prints (and the caller collects) "LABEL
# req/s p99-ms cpu-us-per-request". CPU is the server process's utime +
# stime from /proc over the run (what perf stat's task-clock counts) divided
# by the requests wrk counted.
bench_wrk() {
  local label=$1 seconds=$2 cookie=$3 url=$4
  shift 4
  local before after out
  out=$(mktemp)
  bench_settle
  before=$(bench_ticks)
  wrk -t2 -c64 -d"${seconds}s" --timeout 10s --latency -H "Cookie: $cookie" "$@" "$url" >"$out"
  after=$(bench_ticks)
  awk -v label="$label" -v ticks=$((after - before)) -v hz="$(getconf CLK_TCK)" '
    function ms(t) {
      if (t ~ /us$/) return t / 1000
      if (t ~ /ms$/) return t + 0
      if (t ~ /m$/) return t * 60000
      return t * 1000  # seconds
    }
    /Requests\/sec/ {rps = $2}
    /requests in/ {n = $1}
    / Non-2xx or 3xx responses/ {bad = $NF}
    /Socket errors/ {errors = $0}
    $1 == "99%" {p99 = ms($2)}
    END {
      if (bad > 0) printf "%s: %d non-2xx responses\n", label, bad > "/dev/stderr"
      if (errors != "") printf "%s:%s\n", label, errors > "/dev/stderr"
      printf "%s %.0f %.2f %.1f\n", label, rps, p99, n ? ticks / hz * 1e6 / n : 0
    }' "$out"
  rm -f "$out"
}

# bench_medians RESULTS SCENARIO...: RESULTS holds lines "NAME SCENARIO ROUND
# req/s p99-ms cpu-us" for NAME old and new; prints the medians per
# scenario and new/old.
bench_medians() {
  /usr/bin/python3 - "$@" <<'PY'
import statistics, sys
rows = [l.split() for l in open(sys.argv[1]) if len(l.split()) == 6]
def med(name, sc, col):
    vals = [float(r[col]) for r in rows if r[0] == name and r[1] == sc]
    return statistics.median(vals) if vals else float("nan")
print()
print(f"{'median of rounds':24} {'old':>10} {'new':>10} {'new/old':>8}")
for sc in sys.argv[2:]:
    for col, what, fmt in ((3, "req/s", "{:10.0f}"), (4, "p99 ms", "{:10.2f}"),
                           (5, "cpu us/request", "{:10.1f}")):
        o, n = med("old", sc, col), med("new", sc, col)
        ratio = n / o if o else float("nan")
        print(f"{sc + ' ' + what:24} {fmt.format(o)} {fmt.format(n)} {ratio:8.3f}")
PY
}
