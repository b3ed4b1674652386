#!/usr/bin/env bash
# Data-key rotation and encrypted backups at size (issue 13), one binary
# (sealing personal data), SQLite, nothing serving meanwhile:
#  1. seed one organization with CUSTOMERS customers (each with a site) and
#     WORK_ORDERS work orders (`admin seed-demo`), timed;
#  2. `admin keys rotate-data --org bench-a`: rows/s of its first pass (every
#     sealed row read, opened and sealed again under the new key; the rate
#     its progress bar ends on), and the whole command's time, which includes
#     its wait of the key ring's refresh time (11 s) and a second pass;
#  3. `admin backup create` (seconds, size of the file against the database
#     file's) and `admin backup verify` (seconds).
#   bench/rotation_backup.sh [CUSTOMERS] [WORK_ORDERS] [BINARY]
# Defaults 100000 customers, 1000000 work orders, build/bulwark. The master
# and backup keys are made for this run (openssl rand) and go only into the
# environment of the commands.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
customers=${1:-100000}
work_orders=${2:-1000000}
bin=$(realpath "${3:-build/bulwark}")
bench_need openssl

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
BULWARK_MASTER_KEY=$(openssl rand -hex 32)
BULWARK_BACKUP_KEY=$(openssl rand -hex 32)
export BULWARK_MASTER_KEY BULWARK_BACKUP_KEY BULWARK_LOG_LEVEL=warn
export BULWARK_DATA_DIR="$tmp/data" BULWARK_BACKUP_DIR="$tmp/backups"

# timed NAME COMMAND...: runs it with stdout in $tmp/NAME.out and stderr in
# $tmp/NAME.err; prints its wall time in seconds.
timed() {
  local name=$1 start end
  shift
  start=$(date +%s.%N)
  "$@" >"$tmp/$name.out" 2>"$tmp/$name.err" || {
    tail "$tmp/$name.out" "$tmp/$name.err" >&2
    exit 1
  }
  end=$(date +%s.%N)
  awk -v a="$start" -v b="$end" 'BEGIN {printf "%.1f", b - a}'
}
mib() { awk -v b="$(stat -c %s "$1")" 'BEGIN {printf "%.1f MiB", b / 1048576}'; }

echo "seeding $customers customers and $work_orders work orders ..."
seed_s=$(timed seed "$bin" admin seed-demo --org bench-a --customers "$customers" \
  --work-orders "$work_orders")
db="$BULWARK_DATA_DIR/bulwark.sqlite3"
echo "seeded in $seed_s s; database file $(mib "$db")"

echo "rotating the data key ..."
rotate_s=$(timed rotate "$bin" admin keys rotate-data --org bench-a)
cat "$tmp/rotate.out"
# The progress bar redraws with \r and ends each pass with \n: the last
# drawing of the first line is pass 1's total.
read -r pass1_rows pass1_rate < <(tr -d '\r' <"$tmp/rotate.err" | grep -m1 'rows/s' |
  sed 's/.*\]//' | awk '{print $2, $4}')
pass1_rows=${pass1_rows%%/*}

echo "backing up ..."
backup_s=$(timed backup "$bin" admin backup create)
file=$(find "$BULWARK_BACKUP_DIR" -name '*.bwbk' | head -1)
verify_s=$(timed verify "$bin" admin backup verify "$file")

cat <<EOF

| what | figure |
|---|---|
| seed $customers customers + $work_orders work orders | $seed_s s |
| database file after seeding | $(mib "$db") |
| rotate-data, pass 1 (every sealed row) | $pass1_rows rows at $pass1_rate rows/s |
| rotate-data, whole command (2 passes + 11 s wait) | $rotate_s s |
| backup create | $backup_s s, $(mib "$file") |
| backup verify | $verify_s s |
EOF
