#!/usr/bin/env bash
# Builds the bulwark binary and the unit tests (Release, -O2) into build/.
# The configurations are CMakePresets.json's (release, asan; fuzz is
# scripts/fuzz.sh's, with the same flags).
#   scripts/build.sh            release build in build/
#   scripts/build.sh --asan     AddressSanitizer + UBSan unit tests in build-asan/
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ "${1:-}" == "--asan" ]]; then
  cmake --preset asan >/dev/null
  ninja -C build-asan unit_tests
else
  cmake --preset release >/dev/null
  ninja -C build
fi
