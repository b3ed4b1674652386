#!/usr/bin/env bash
# Customers with their personal fields sealed at rest (issue 13) against the
# last build without (6f12dcc): each binary serves its own data directory
# seeded by its own `admin seed-demo` with the same N customers (same names,
# phones and ids: the seed's generator is fixed), and these scenarios run for
# both, interleaved ROUNDS times in one session (who goes first alternates):
#   list   GET /api/v1/customers?sort=newest&limit=50
#   name   the same with q=<a last name>: one word of the name (~1/9 of all
#          customers carry it). Old: LIKE '%word%' over name, email and
#          phone; new: the word's blind-index token, rows opened and checked
#   phone  the same with q=<one customer's number>, exact (one match). Old:
#          LIKE over name and email and the digits over phone; new: the
#          number's blind index
#   get    GET /api/v1/customers/<random id> (bench/random_get.lua)
# The old binary's default order is by name (sort=name); the new one has
# only newest first, so both are asked for sort=newest. The script checks
# that both return the same customers for each search (ids 1..N: the
# newer seed adds the demo plant's customer after them).
#   bench/customers.sh OLD_BINARY NEW_BINARY [CUSTOMERS] [SECONDS] [ROUNDS]
# Defaults 100000 customers, 5 s per run, 3 rounds (about 2 min of wrk plus
# seeding). The new binary gets a master key made for this run
# (BULWARK_MASTER_KEY, never written anywhere but its data directory's rows).
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
old_bin=$(realpath "$1")
new_bin=$(realpath "$2")
total=${3:-100000}
duration=${4:-5}
rounds=${5:-3}
bench_need wrk curl openssl

tmp=$(mktemp -d)
trap 'bench_stop; rm -rf "$tmp"' EXIT
bench_env "${BENCH_PORT:-18090}"
master_key=$(openssl rand -hex 32)
scenarios=(get list name phone)  # the slowest last

# use NAME: the environment of binary NAME (old | new).
use() {
  export BULWARK_DATA_DIR="$tmp/$1"
  if [[ $1 == new ]]; then
    export BULWARK_MASTER_KEY=$master_key
  else
    unset BULWARK_MASTER_KEY
  fi
}

# seed NAME BINARY
seed() {
  use "$1"
  local start=$SECONDS
  "$2" admin seed-demo --org bench-a --customers "$total" --work-orders 1000 >"$tmp/$1.seed" 2>&1 ||
    { tail "$tmp/$1.seed" >&2; exit 1; }
  bench_owner "$2" bench-a
  echo "seeded $total customers for $1 in $((SECONDS - start)) s"
}
seed old "$old_bin"
seed new "$new_bin"

# run NAME BINARY ROUND: serve, log in, every scenario, stop.
run() {
  use "$1"
  bench_serve "$2" "$tmp/$1.log"
  local cookie top mid word phone sc url
  cookie=$(bench_login owner@bench-a.example)
  top=$(bench_json "$cookie" "/api/v1/customers?sort=newest&limit=1" 'j["items"][0]["id"]')
  # A customer in the middle: its last name and its number are the searches.
  # By id from the oldest: the seed makes customers 1..N in the same order in
  # both binaries, and the newer one adds the demo plant's customer after
  # them (N+1), so counting from the newest would pick different people.
  mid=$((total / 2))
  word=$(bench_json "$cookie" "/api/v1/customers/$mid" 'j["name"].split()[-1].lower()')
  phone=$(bench_json "$cookie" "/api/v1/customers/$mid" 'j["phone"].replace("+", "%2B")')
  local list="/api/v1/customers?sort=newest&limit=50"
  for sc in "${scenarios[@]}"; do
    local args=()
    case $sc in
      list) url=$list ;;
      name) url="$list&q=$word" ;;
      phone) url="$list&q=$phone" ;;
      get)
        url=""
        args=(-s bench/random_get.lua)
        ;;
    esac
    if [[ -n $url && $3 == 1 ]]; then  # what each binary answers, compared at the end
      bench_json "$cookie" "$url" '" ".join(str(i["id"]) for i in j["items"])' >"$tmp/$1.$sc.ids"
    fi
    BENCH_PATH=/api/v1/customers/ BENCH_MIN_ID=$((top - total + 1)) BENCH_MAX_ID=$top \
      bench_wrk "$1 $sc $3" "$duration" "$cookie" "http://$BULWARK_LISTEN$url" "${args[@]}" |
      tee -a "$tmp/results.txt"
  done
  bench_stop
}

echo "binary scenario round req/s p99-ms cpu-us-per-request"
for round in $(seq "$rounds"); do
  if ((round % 2)); then
    run old "$old_bin" "$round"
    run new "$new_bin" "$round"
  else
    run new "$new_bin" "$round"
    run old "$old_bin" "$round"
  fi
done

# same_page OLD_IDS NEW_IDS: the same customers in the same order, among the
# ids 1..N both seeds made (the newer seed's demo plant customer, N+1, is
# left out; the pages are compared as far as both reach).
same_page() {
  /usr/bin/python3 - "$1" "$2" "$total" <<'PY'
import sys
a, b = ([i for i in open(f).read().split() if int(i) <= int(sys.argv[3])] for f in sys.argv[1:3])
n = min(len(a), len(b))
sys.exit(0 if n > 0 and a[:n] == b[:n] else 1)
PY
}
for sc in list name phone; do
  if same_page "$tmp/old.$sc.ids" "$tmp/new.$sc.ids"; then
    echo "$sc: both binaries return the same customers ($(wc -w <"$tmp/new.$sc.ids") on the new page)"
  else
    echo "$sc: the pages differ: old $(head -c 80 "$tmp/old.$sc.ids"), new $(head -c 80 "$tmp/new.$sc.ids")"
  fi
done
bench_medians "$tmp/results.txt" "${scenarios[@]}"
