#!/usr/bin/env bash
# Builds the bulwark binary and the unit tests (Release, -O2) into build/.
#   scripts/build.sh            release build in build/
#   scripts/build.sh --asan     AddressSanitizer + UBSan unit tests in build-asan/
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ "${1:-}" == "--asan" ]]; then
  cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DBULWARK_SANITIZE=ON -DBULWARK_BUILD_SERVER=OFF >/dev/null
  ninja -C build-asan unit_tests
else
  cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
  ninja -C build
fi
