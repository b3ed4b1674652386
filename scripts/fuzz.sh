#!/usr/bin/env bash
# Builds each libFuzzer target in tests/fuzz/ with clang (ASan + UBSan) and
# runs it for a few seconds. A target names the sources it needs on a line
# "// fuzz-sources: a.cpp b.cpp" and its libraries on "// fuzz-libs: -lx".
# CMakePresets.json's "fuzz" preset builds the same targets with the same
# flags (cmake --preset fuzz && cmake --build --preset fuzz).
#   scripts/fuzz.sh [--build-only | --run-only] [SECONDS] [NAME-FILTER]
# --build-only builds every target and runs none; --run-only runs targets a
# --build-only run left in build-fuzz/ (scripts/test.sh builds them in the
# background while the API tests wait on their servers).
set -euo pipefail
cd "$(dirname "$0")/.."
mode=both
case "${1:-}" in
  --build-only) mode=build; shift ;;
  --run-only) mode=run; shift ;;
esac
seconds=${1:-15}
filter=${2:-}
out=build-fuzz
mkdir -p "$out"
status=0
for target in tests/fuzz/fuzz_*.cpp; do
  name=$(basename "$target" .cpp)
  [[ -n "$filter" && "$name" != *"$filter"* ]] && continue
  sources=$(sed -n 's#^// fuzz-sources:##p' "$target")
  libs=$(sed -n 's#^// fuzz-libs:##p' "$target")
  if [[ $mode != run ]]; then
    echo "--- $name: build"
    # shellcheck disable=SC2086
    clang++ -std=c++2b -O1 -g -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
      -DSPDLOG_FMT_EXTERNAL -Isrc -isystem /usr/include/postgresql \
      "$target" $sources $libs -o "$out/$name"
  fi
  [[ $mode == build ]] && continue
  if [[ ! -x "$out/$name" ]]; then
    echo "FUZZ FAILURE: $out/$name was not built (run scripts/fuzz.sh --build-only first)"; status=1; continue
  fi
  mkdir -p "$out/corpus-$name"
  echo "--- $name: run ${seconds}s"
  if ! "$out/$name" -max_total_time="$seconds" -timeout=5 -rss_limit_mb=2048 \
      -print_final_stats=0 "$out/corpus-$name" 2>"$out/$name.log"; then
    echo "FUZZ FAILURE in $name:"; tail -40 "$out/$name.log"; status=1
  else
    grep -E '^(#[0-9]+ *DONE|Done)' "$out/$name.log" | tail -1 || true
  fi
done
exit $status
