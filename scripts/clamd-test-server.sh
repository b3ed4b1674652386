#!/usr/bin/env bash
# A throwaway ClamAV daemon for the demo and the tests (MUST-007 uploads):
# clamd in the foreground as a background process, its own clamd.conf in a
# temporary directory, a Unix socket there, and a signature database made
# here and now holding only the EICAR test signature (no download; it finds
# nothing real: a production clamd runs `freshclam`, see README.md).
#   scripts/clamd-test-server.sh start [MAX_BYTES]  prints the directory; the socket is DIR/clamd.sock
#   scripts/clamd-test-server.sh stop DIR
# MAX_BYTES (default 64 MiB) becomes StreamMaxLength: it must be at least the
# server's BULWARK_MAX_UPLOAD_BYTES, or clamd refuses larger files (which the
# server then refuses as scanner_unavailable: fail closed).
set -euo pipefail

# The EICAR anti-virus test file (68 bytes), a harmless standard string every
# scanner is meant to report.
EICAR='X5O!P%@AP[4\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*'

case "${1:-}" in
  start)
    max="${2:-67108864}"
    command -v clamd >/dev/null || { echo "clamd is not installed (scripts/install-deps.sh)" >&2; exit 1; }
    dir=$(mktemp -d /tmp/bulwark-clamd.XXXXXX)
    mkdir -p "$dir/db" "$dir/tmp"
    # An .hdb line: MD5 of the whole file, its size, the signature's name.
    printf '%s:%s:Eicar-Test-Signature\n' \
      "$(printf '%s' "$EICAR" | md5sum | cut -d' ' -f1)" "$(printf '%s' "$EICAR" | wc -c)" \
      >"$dir/db/eicar.hdb"
    cat >"$dir/clamd.conf" <<CONF
LocalSocket $dir/clamd.sock
LocalSocketMode 660
DatabaseDirectory $dir/db
TemporaryDirectory $dir/tmp
PidFile $dir/clamd.pid
LogFile $dir/clamd.log
Foreground yes
StreamMaxLength $max
MaxFileSize $max
MaxScanSize $max
CONF
    if [[ $(id -u) -eq 0 ]]; then
      # clamd drops to no user here; keep the directory private to root.
      chmod 700 "$dir"
    fi
    nohup clamd --config-file="$dir/clamd.conf" >"$dir/stdout.log" 2>&1 &
    echo $! >"$dir/clamd.bgpid"
    for _ in $(seq 1 300); do
      [[ -S "$dir/clamd.sock" ]] && { echo "$dir"; exit 0; }
      kill -0 "$(cat "$dir/clamd.bgpid")" 2>/dev/null || break
      sleep 0.1
    done
    echo "clamd did not start; its log:" >&2
    cat "$dir/clamd.log" "$dir/stdout.log" >&2 2>/dev/null || true
    exit 1
    ;;
  stop)
    dir="$2"
    if [[ -f "$dir/clamd.bgpid" ]]; then
      pid=$(cat "$dir/clamd.bgpid")
      kill "$pid" 2>/dev/null || true
      for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    fi
    [[ "$dir" == /tmp/bulwark-clamd.* ]] && rm -rf "$dir"
    ;;
  *)
    echo "usage: $0 start [MAX_BYTES] | stop DIR" >&2
    exit 2
    ;;
esac
