#!/usr/bin/env bash
# GET /health on Bulwark vs nginx `return 200` (the ceiling on this machine),
# wrk on loopback, 64 connections, same run. Also Bulwark's idle RSS.
#   bench/health.sh [DURATION_SECONDS]   (needs: scripts/install-deps.sh --bench; scripts/build.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${1:-10}
tmp=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; [[ -f $tmp/nginx.pid ]] && kill "$(cat $tmp/nginx.pid)" 2>/dev/null; rm -rf "$tmp"' EXIT

cat >"$tmp/nginx.conf" <<CONF
worker_processes 2;
pid $tmp/nginx.pid;
error_log $tmp/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  server {
    listen 127.0.0.1:18081;
    location / { return 200 '{"status":"ok"}'; }
  }
}
CONF
nginx -c "$tmp/nginx.conf"

# wrk is one client address with 64 connections: no per-address limit.
BULWARK_MAX_CONNECTIONS_PER_IP=0 BULWARK_LISTEN=127.0.0.1:18080 BULWARK_DATA_DIR="$tmp/data" ./build/bulwark serve >"$tmp/bulwark.log" &
for _ in $(seq 50); do curl -sf http://127.0.0.1:18080/health >/dev/null && break; sleep 0.1; done
sleep 1
pid=$(pgrep -f "bulwark serve" | head -1)
rss_idle=$(awk '/VmRSS/ {print $2}' /proc/"$pid"/status)

run() {  # name url
  wrk -t2 -c64 -d"${duration}s" --latency "$2" >"$tmp/$1.txt"
  local rps p99
  rps=$(awk '/Requests\/sec/ {print $2}' "$tmp/$1.txt")
  p99=$(awk '$1=="99%" {print $2}' "$tmp/$1.txt")
  printf '%-8s %10s req/s   p99 %s\n' "$1" "$rps" "$p99"
  echo "$rps" >"$tmp/$1.rps"
}
run nginx http://127.0.0.1:18081/health
run bulwark http://127.0.0.1:18080/health
rss_after=$(awk '/VmRSS/ {print $2}' /proc/"$pid"/status)
ratio=$(awk -v b="$(cat $tmp/bulwark.rps)" -v n="$(cat $tmp/nginx.rps)" 'BEGIN {printf "%.0f", 100*b/n}')
echo "bulwark/nginx: ${ratio}%"
echo "bulwark RSS idle: $((rss_idle / 1024)) MiB, after load: $((rss_after / 1024)) MiB"
