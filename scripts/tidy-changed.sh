#!/usr/bin/env bash
# clang-tidy (.clang-tidy's checks, every one an error) over the C++ files
# changed since a base commit: the test command's tidy step.
#   scripts/tidy-changed.sh [BASE]
# BASE defaults to
#   - the commit in .ci/tidy-base, when it exists here (the last landed one);
#   - on a branch ahead of main: git merge-base HEAD main (the branch's changes);
#   - on main itself (CI's clean checkout, where HEAD is the last landed commit
#     and its first parent the one before): HEAD~1.
# Uncommitted and untracked changes count too. Changed .cpp files in
# build/compile_commands.json are checked; a changed header is checked through
# its own .cpp if it has one, and its diagnostics are reported in every
# checked unit that includes it. Diagnostics in unchanged headers are not
# reported (scripts/tidy-all.sh reports everything). Units that include
# Beast or Asio (http/server.cpp, crypto/tls_context.cpp) take minutes and are
# left to tidy-all. At most BULWARK_TIDY_SECONDS (default 180) of wall time:
# files not started by then are listed as unchecked, and the run still fails
# only on findings.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/tidy-common.sh
source scripts/tidy-common.sh
BUDGET=${BULWARK_TIDY_SECONDS:-180}
JOBS=${BULWARK_TIDY_JOBS:-2}
require_compile_commands

base=${1:-}
# .ci/tidy-base names the last commit that landed (CI passed); a session
# sets it when it starts, so CI's clean checkout checks everything the
# submission changed, however many commits it holds.
if [[ -z "$base" && -f .ci/tidy-base ]] &&
   git rev-parse -q --verify "$(tr -d '[:space:]' <.ci/tidy-base)^{commit}" >/dev/null; then
  base=$(tr -d '[:space:]' <.ci/tidy-base)
fi
if [[ -z "$base" ]]; then
  if git rev-parse -q --verify refs/heads/main >/dev/null &&
     [[ "$(git merge-base HEAD main)" != "$(git rev-parse HEAD)" ]]; then
    base=$(git merge-base HEAD main)
  elif git rev-parse -q --verify 'HEAD~1^{commit}' >/dev/null; then
    base=HEAD~1
  else
    echo "tidy-changed: HEAD has no parent here (a shallow clone?): nothing to compare;"
    echo "tidy-changed: run scripts/tidy-all.sh for the whole tree"
    exit 0
  fi
fi

mapfile -t changed < <({
  git diff --name-only --diff-filter=d "$base" -- 'src/*.cpp' 'src/*.hpp' 'tests/*.cpp' 'tests/*.hpp'
  git ls-files --others --exclude-standard -- 'src/*.cpp' 'src/*.hpp' 'tests/*.cpp' 'tests/*.hpp'
} | sort -u)
if ((${#changed[@]} == 0)); then
  echo "tidy-changed: no C++ file changed since $(git rev-parse --short "$base")"
  exit 0
fi

declare -A compiled=()
while IFS= read -r f; do compiled["$f"]=1; done < <(compiled_files)

units=() headers=() skipped=()
for f in "${changed[@]}"; do
  case "$f" in
    *.hpp)
      headers+=("$f")
      own="${f%.hpp}.cpp"
      [[ -n "${compiled[$own]:-}" ]] && units+=("$own")
      ;;
    *.cpp)
      if [[ -n "${compiled[$f]:-}" ]]; then units+=("$f"); else skipped+=("$f (not in the build)"); fi
      ;;
  esac
done
mapfile -t units < <(printf '%s\n' "${units[@]}" | sort -u | sed '/^$/d')
checked_units=()
for f in "${units[@]}"; do
  if is_slow_unit "$f"; then skipped+=("$f (Beast/Asio: scripts/tidy-all.sh)"); else checked_units+=("$f"); fi
done

# Headers: only the changed ones report (a regex of their paths).
filter='^$'
if ((${#headers[@]})); then
  filter="($(printf '%s\n' "${headers[@]}" | sed 's/[.]/[.]/g; s/^/\/&/; s/$/$/' | paste -sd'|'))"
fi

echo "tidy-changed: base $(git rev-parse --short "$base"); ${#checked_units[@]} unit(s), ${#headers[@]} header(s)"
for s in "${skipped[@]}"; do echo "tidy-changed: not checked: $s"; done
((${#checked_units[@]} == 0)) && exit 0

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
deadline=$(($(date +%s) + BUDGET))
export TIDY out deadline filter
export TIDY_ARGS_STR="${TIDY_ARGS[*]}"
printf '%s\n' "${checked_units[@]}" | xargs -P "$JOBS" -n 1 bash -c '
  f=$1; key=$(echo "$f" | tr / _); now=$(date +%s)
  if ((now >= deadline)); then echo "$f" >"$out/$key.late"; exit 0; fi
  # shellcheck disable=SC2086
  timeout $((deadline - now + 30)) $TIDY $TIDY_ARGS_STR --header-filter="$filter" "$f" \
    >"$out/$key.log" 2>&1
  rc=$?
  if ((rc == 124)); then echo "$f" >"$out/$key.late"; elif ((rc != 0)); then echo "$f" >"$out/$key.failed"; fi
  exit 0' _

status=0
for failed in "$out"/*.failed; do
  [[ -e "$failed" ]] || continue
  f=$(cat "$failed")
  echo "--- clang-tidy: $f"
  grep -vE '^[0-9]+ warnings? (and [0-9]+ errors? )?generated\.$' "$out/$(basename "$failed" .failed).log" || true
  status=1
done
for late in "$out"/*.late; do
  [[ -e "$late" ]] && echo "tidy-changed: not checked (over ${BUDGET}s): $(cat "$late")"
done
if ((status)); then
  echo "tidy-changed: findings above (.clang-tidy); fix them or, for a check that is wrong"
  echo "tidy-changed: for the whole project, disable it in .clang-tidy with the reason"
else
  echo "tidy-changed: ok"
fi
exit $status
