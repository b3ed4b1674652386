#!/usr/bin/env bash
# A throwaway PostgreSQL 15 on 127.0.0.1 for tests: initdb in a temporary
# directory, run as the unprivileged `postgres` user (initdb refuses root).
#   scripts/pg-test-server.sh start PORT   prints the directory to stop later
#   scripts/pg-test-server.sh stop DIR
#   scripts/pg-test-server.sh createdb PORT NAME
set -euo pipefail
B=/usr/lib/postgresql/15/bin

as_pg() {
  if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "$1" in
  start)
    port="$2"
    dir=$(mktemp -d /tmp/bulwark-pg.XXXXXX)
    chmod 755 "$dir"
    [[ $(id -u) -eq 0 ]] && chown postgres: "$dir"
    as_pg "$B/initdb" -D "$dir/data" -A trust -U bulwark >"$dir/initdb.log" 2>&1
    # Settings go in the config file so a restart (fault tests) keeps them.
    as_pg tee -a "$dir/data/postgresql.conf" >/dev/null <<CONF
port = $port
listen_addresses = '127.0.0.1'
unix_socket_directories = '$dir'
fsync = off
max_connections = 200
CONF
    as_pg "$B/pg_ctl" -D "$dir/data" -l "$dir/log" -w -t 30 start >/dev/null
    echo "$dir"
    ;;
  stop)
    dir="$2"
    as_pg "$B/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
    rm -rf "$dir"
    ;;
  restart-stop)   # stop without removing (fault tests)
    as_pg "$B/pg_ctl" -D "$2/data" -m fast -w stop >/dev/null
    ;;
  restart-start)
    as_pg "$B/pg_ctl" -D "$2/data" -l "$2/log" -w -t 30 start >/dev/null
    ;;
  createdb)
    psql -q "postgresql://bulwark@127.0.0.1:$2/postgres" -c "CREATE DATABASE $3" >/dev/null
    ;;
  *)
    echo "usage: $0 start PORT | stop DIR | createdb PORT NAME" >&2
    exit 2
    ;;
esac
