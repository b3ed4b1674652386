#!/usr/bin/env bash
# clang-format (.clang-format) would change nothing in src/ and tests/.
#   scripts/check-format.sh          list the files that need formatting; exit 1 if any
#   scripts/check-format.sh --fix    format them in place
set -euo pipefail
cd "$(dirname "$0")/.."
FORMAT=${CLANG_FORMAT:-clang-format}
mapfile -t files < <(git ls-files --cached --others --exclude-standard -- 'src/*.cpp' 'src/*.hpp' 'tests/*.cpp' 'tests/*.hpp')
if [[ "${1:-}" == "--fix" ]]; then
  "$FORMAT" -i "${files[@]}"
  exit 0
fi
bad=()
for f in "${files[@]}"; do
  "$FORMAT" --dry-run --Werror "$f" >/dev/null 2>&1 || bad+=("$f")
done
if ((${#bad[@]})); then
  printf 'needs clang-format: %s\n' "${bad[@]}"
  echo "check-format: ${#bad[@]} of ${#files[@]} files differ from .clang-format;" \
       "run scripts/check-format.sh --fix (or clang-format -i FILE) and commit"
  exit 1
fi
echo "check-format: ok (${#files[@]} files)"
