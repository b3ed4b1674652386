#!/usr/bin/env bash
# clang-tidy (.clang-tidy) over every translation unit of the build, headers
# under src/ and tests/ included. Not in the test command: the Beast unit
# alone takes minutes; scripts/tidy-changed.sh checks what changed.
#   scripts/tidy-all.sh [-j N] [FILE-REGEX]     e.g. scripts/tidy-all.sh -j 2 'src/api/'
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/tidy-common.sh
source scripts/tidy-common.sh
require_compile_commands
jobs=2
if [[ "${1:-}" == "-j" ]]; then jobs=$2; shift 2; fi
regex=${1:-"$PWD/(src|tests)/"}
# run-clang-tidy prints each file's findings and fails when any file has one.
exec run-clang-tidy-14 -clang-tidy-binary "$(command -v "$TIDY")" -p build/tidy -j "$jobs" -quiet \
  -extra-arg=-std=c++2b -extra-arg=-w "$regex"
