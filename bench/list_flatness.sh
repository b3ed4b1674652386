#!/usr/bin/env bash
# Issue 4: the work-order list's latency should stay flat (within 2x) from
# 10,000 to 1,000,000 work orders. Runs bench/work_orders.sh at each size
# (fresh data each time) and prints one line per size.
#   bench/list_flatness.sh [DURATION_SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${1:-10}
for total in 10000 100000 1000000; do
  echo "== $total work orders"
  bench/work_orders.sh "$total" "$duration" 2>/dev/null | grep -E 'seeded|list|get by id|RSS'
done
