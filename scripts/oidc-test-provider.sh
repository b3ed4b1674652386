#!/usr/bin/env bash
# A throwaway OpenID provider for the SSO tests (issue 15 item 4): npm
# `oidc-provider` (tests/oidc/provider.mjs) over https on 127.0.0.1, with a
# certificate from a CA made here and now with openssl (the server trusts it
# through BULWARK_OUTBOUND_CA_FILE; certificate checks stay on).
#   scripts/oidc-test-provider.sh start PORT   prints the directory (DIR/ca.pem, DIR/env)
#   scripts/oidc-test-provider.sh stop DIR
# DIR/env holds the lines a test sources: OIDC_ISSUER, OIDC_CA_FILE,
# OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, OIDC_EMAIL_DOMAIN.
set -euo pipefail
cd "$(dirname "$0")/.."

case "${1:-}" in
  start)
    port="${2:?usage: $0 start PORT}"
    command -v node >/dev/null || { echo "node is not installed" >&2; exit 1; }
    [[ -d tests/oidc/node_modules/oidc-provider ]] ||
      (cd tests/oidc && npm ci --no-audit --no-fund --ignore-scripts >/dev/null)
    dir=$(mktemp -d /tmp/bulwark-oidc.XXXXXX)
    openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=Bulwark test OIDC CA" \
      -keyout "$dir/ca.key" -out "$dir/ca.pem" \
      -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign" \
      2>/dev/null
    openssl req -newkey rsa:2048 -nodes -subj "/CN=127.0.0.1" \
      -keyout "$dir/tls.key" -out "$dir/tls.csr" 2>/dev/null
    printf 'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n' >"$dir/ext"
    openssl x509 -req -in "$dir/tls.csr" -CA "$dir/ca.pem" -CAkey "$dir/ca.key" \
      -CAcreateserial -days 2 -extfile "$dir/ext" -out "$dir/tls.pem" 2>/dev/null
    rm -f "$dir/ca.key" "$dir/tls.csr"
    secret="test-only-$(openssl rand -hex 16)"
    cat >"$dir/env" <<ENV
OIDC_ISSUER=https://127.0.0.1:$port
OIDC_CA_FILE=$dir/ca.pem
OIDC_CLIENT_ID=bulwark-test
OIDC_CLIENT_SECRET=$secret
OIDC_EMAIL_DOMAIN=sso-test.example
ENV
    OIDC_PORT=$port OIDC_TLS_KEY="$dir/tls.key" OIDC_TLS_CERT="$dir/tls.pem" \
      OIDC_CLIENT_ID=bulwark-test OIDC_CLIENT_SECRET="$secret" OIDC_EMAIL_DOMAIN=sso-test.example \
      nohup node tests/oidc/provider.mjs >"$dir/provider.log" 2>&1 &
    echo $! >"$dir/provider.pid"
    for _ in $(seq 1 100); do
      grep -q '"listening"' "$dir/provider.log" 2>/dev/null && { echo "$dir"; exit 0; }
      kill -0 "$(cat "$dir/provider.pid")" 2>/dev/null || break
      sleep 0.1
    done
    echo "the OIDC provider did not start; its log:" >&2
    cat "$dir/provider.log" >&2 || true
    exit 1
    ;;
  stop)
    dir="$2"
    if [[ -f "$dir/provider.pid" ]]; then
      pid=$(cat "$dir/provider.pid")
      kill "$pid" 2>/dev/null || true
      for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    fi
    [[ "$dir" == /tmp/bulwark-oidc.* ]] && rm -rf "$dir"
    ;;
  *)
    echo "usage: $0 start PORT | stop DIR" >&2
    exit 2
    ;;
esac
