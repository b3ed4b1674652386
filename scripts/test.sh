#!/usr/bin/env bash
# The README's "test" command: installs what is missing, builds, and runs
# every test: the layer rules, the generated web types, clang-format, clang-tidy
# on the files changed since the last landed commit, unit (SQLite and PostgreSQL), the compile-time MUST-002 check,
# the API tests against a real server on SQLite and on a real PostgreSQL
# started here, the browser tests (Playwright + Debian's Chromium), unit
# tests under ASan+UBSan, and the fuzzers briefly.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
PG_PORT=${BULWARK_TEST_PG_PORT:-55432}
FUZZ_SECONDS=${BULWARK_FUZZ_SECONDS:-15}
PY=/usr/bin/python3   # Debian's interpreter, which has pytest and the SDKs

declare -a SUMMARY=()
step() { echo; echo "=== $* ==="; STEP_START=$SECONDS; }
done_step() { SUMMARY+=("$1: ok ($((SECONDS - STEP_START)) s)"); }

PG_DIR=""
CLAMD_DIR=""
OIDC_DIR=""
PREBUILD_PID=""
cleanup() {
  # The background sanitizer/fuzzer build is its own process group (setsid).
  [[ -n "$PREBUILD_PID" ]] && kill -- "-$PREBUILD_PID" 2>/dev/null
  [[ -n "$PG_DIR" ]] && scripts/pg-test-server.sh stop "$PG_DIR"
  [[ -n "$CLAMD_DIR" ]] && scripts/clamd-test-server.sh stop "$CLAMD_DIR"
  [[ -n "$OIDC_DIR" ]] && scripts/oidc-test-provider.sh stop "$OIDC_DIR"
  return 0
}
trap cleanup EXIT

step "install dependencies"
scripts/install-deps.sh --test
done_step deps

if [[ -f web/package.json ]]; then
  step "build the web app"
  (cd web && npm ci --no-audit --no-fund --loglevel=error && npm run build --silent)
  done_step web
fi

step "build (release)"
scripts/build.sh
done_step build

# The API tests move time only in this binary (MUST-NOT-010: build/bulwark
# has no way to move its clock); it reuses every release object.
step "test-hooks server (release objects + a movable clock; tests only)"
cmake --preset release -DBULWARK_TEST_HOOKS=ON >/dev/null
ninja -C build bulwark-test-hooks
done_step test-hooks

# The ASan+UBSan unit tests and the fuzzers need builds of their own (half
# this script's CPU). They start now at the lowest priority and take the CPU
# the checks and the test suites leave idle (the API suites wait on servers,
# bcrypt and outbox polling much of the time); their stages wait for them.
step "sanitizer and fuzzer builds start in the background (nice 19)"
PREBUILD_LOG=$(mktemp)
setsid bash -c 'nice -n 19 scripts/build.sh --asan && nice -n 19 scripts/fuzz.sh --build-only' \
  >"$PREBUILD_LOG" 2>&1 &
PREBUILD_PID=$!
PREBUILD_START=$SECONDS
done_step prebuild-start

step "layer rules (scripts/check-layers.sh)"
scripts/check-layers.sh
done_step layers

step "generated web types are current (scripts/check-generated-types.sh)"
scripts/check-generated-types.sh
done_step generated-types

step "clang-format (scripts/check-format.sh)"
scripts/check-format.sh
done_step format

step "clang-tidy on the files changed since the last landed commit (scripts/tidy-changed.sh)"
scripts/tidy-changed.sh
done_step tidy

step "PostgreSQL on 127.0.0.1:$PG_PORT"
PG_DIR=$(scripts/pg-test-server.sh start "$PG_PORT")
scripts/pg-test-server.sh createdb "$PG_PORT" bulwark_unit
scripts/pg-test-server.sh createdb "$PG_PORT" bulwark_api
export BULWARK_TEST_PG_DIR="$PG_DIR"
done_step postgres

step "clamd for the unit and API tests (EICAR-only signatures; scripts/clamd-test-server.sh)"
CLAMD_DIR=$(scripts/clamd-test-server.sh start)
export BULWARK_CLAMD_SOCKET="$CLAMD_DIR/clamd.sock"
done_step clamd

step "OpenID provider for the SSO tests (npm oidc-provider over https; scripts/oidc-test-provider.sh)"
(cd tests/oidc && npm ci --no-audit --no-fund --loglevel=error --ignore-scripts)
OIDC_PORT=$($PY -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
OIDC_DIR=$(scripts/oidc-test-provider.sh start "$OIDC_PORT")
export BULWARK_TEST_OIDC_DIR="$OIDC_DIR"
done_step oidc-provider

step "unit tests (SQLite in parallel, then PostgreSQL serially: they share one database)"
ctest --test-dir build --output-on-failure -j2
BULWARK_TEST_DATABASE_URL="postgresql://bulwark@127.0.0.1:$PG_PORT/bulwark_unit" \
  ./build/unit_tests --gtest_brief=1 --gtest_filter='*/postgres'
done_step unit

step "MUST-002: SQL from a run-time string does not compile"
scripts/check-compile-fail.sh
done_step compile-fail

# The two engines' API suites run at the same time: each waits on its
# servers much of the time (polling outboxes, bcrypt on the login pool,
# restarts), so together they take little more than the longer one alone on
# 2 cores. Nothing is shared but clamd: each has its own servers on port 0,
# its own data directories, and only the PostgreSQL run touches PostgreSQL
# (its fault tests restart it). Each writes its own log, shown when it ends.
step "API tests on SQLite and on PostgreSQL, side by side"
API_LOGS=$(mktemp -d)
BULWARK_BIN="$ROOT/build/bulwark" $PY -m pytest -q -p no:cacheprovider tests/api \
  >"$API_LOGS/sqlite.log" 2>&1 &
SQLITE_PID=$!
set +e
BULWARK_BIN="$ROOT/build/bulwark" \
  BULWARK_TEST_DATABASE_URL="postgresql://bulwark@127.0.0.1:$PG_PORT/bulwark_api" \
  $PY -m pytest -q -p no:cacheprovider tests/api >"$API_LOGS/postgres.log" 2>&1
PG_RC=$?
wait "$SQLITE_PID"
SQLITE_RC=$?
set -e
echo "--- API tests on SQLite (exit $SQLITE_RC)"; tail -n 60 "$API_LOGS/sqlite.log"
echo "--- API tests on PostgreSQL (exit $PG_RC)"; tail -n 60 "$API_LOGS/postgres.log"
if [[ $SQLITE_RC -ne 0 || $PG_RC -ne 0 ]]; then
  echo "API tests failed; the whole logs:"; cat "$API_LOGS/sqlite.log" "$API_LOGS/postgres.log"
  exit 1
fi
done_step api-sqlite+postgres

if [[ -f web/package.json ]]; then
  step "browser tests (Playwright driving Debian's Chromium)"
  scripts/web-e2e.sh
  done_step browser
fi

step "unit tests under AddressSanitizer + UBSan (built in the background since the release build)"
set +e
wait "$PREBUILD_PID"
PREBUILD_RC=$?
set -e
PREBUILD_PID=""
echo "sanitizer and fuzzer builds ended $((SECONDS - PREBUILD_START)) s after they started (exit $PREBUILD_RC)"
if [[ $PREBUILD_RC -ne 0 ]]; then
  echo "the sanitizer or fuzzer build failed:"; tail -n 200 "$PREBUILD_LOG"; exit 1
fi
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  BULWARK_TEST_DATABASE_URL="postgresql://bulwark@127.0.0.1:$PG_PORT/bulwark_unit" \
  ./build-asan/unit_tests --gtest_brief=1
done_step asan

step "fuzzers (${FUZZ_SECONDS}s each)"
scripts/fuzz.sh --run-only "$FUZZ_SECONDS"
done_step fuzz

echo
echo "=== summary ==="
printf '%s\n' "${SUMMARY[@]}"
echo "all test stages passed"
echo "${#SUMMARY[@]} passed, 0 failed"
