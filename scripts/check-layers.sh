#!/usr/bin/env bash
# The layer rules of design.md, checked by grep over src/ (the compiler cannot
# see them: every header sits on one include path).
#   openssl:  <openssl/...> is included only under src/crypto/
#   render:   <cairo...> and <pango/...> are included only under src/render/
#   engine:   sqlite3.h, libpq-fe.h and Engine:: appear only under src/store/
#   upward:   src/store, src/domain, src/crypto and src/core include nothing
#             from api/ or app/
# A temporary exception is a line "RULE PATH" in scripts/layers-allow.txt
# ('#' starts a comment); an entry that no longer matches anything is
# reported so that it can be deleted. Text after // on a line is ignored.
#   scripts/check-layers.sh        exit 1 and one line per violation: file:line: [rule] why
set -euo pipefail
cd "$(dirname "$0")/.."
ALLOW_FILE=scripts/layers-allow.txt

declare -A allowed=() used=()
if [[ -f "$ALLOW_FILE" ]]; then
  while read -r rule path _; do
    [[ -z "${rule:-}" || "$rule" == \#* ]] && continue
    allowed["$rule $path"]=1
  done <"$ALLOW_FILE"
fi

violations=0
# check RULE MESSAGE REGEX OUTSIDE_DIR_REGEX FILE...: every match of REGEX (an
# extended regex, on the line without its // comment) in a FILE whose path
# does not match OUTSIDE_DIR_REGEX is a violation.
check() {
  local rule=$1 message=$2 regex=$3 exempt=$4
  shift 4
  local hit file line
  while IFS= read -r hit; do
    [[ -z "$hit" ]] && continue
    file=${hit%%:*}
    line=${hit#*:}
    [[ "$file" =~ $exempt ]] && continue
    if [[ -n "${allowed["$rule $file"]:-}" ]]; then
      used["$rule $file"]=1
      continue
    fi
    echo "$file:$line: [$rule] $message"
    violations=$((violations + 1))
  done < <(awk -v re="$regex" '{ code = $0; sub(/\/\/.*/, "", code) }
                               code ~ re { print FILENAME ":" FNR }' "$@")
}

mapfile -t sources < <(find src -type f \( -name '*.cpp' -o -name '*.hpp' -o -name '*.h' \) | sort)

check openssl "OpenSSL is included only under src/crypto/ (put the call behind a crypto/ function)" \
  '^[ \t]*#[ \t]*include[ \t]*<openssl/' '^src/crypto/' "${sources[@]}"
check render "Cairo and Pango are included only under src/render/ (use render/document.hpp)" \
  '^[ \t]*#[ \t]*include[ \t]*<(cairo|pango)' '^src/render/' "${sources[@]}"
check engine "only src/store/ knows the database engine (sqlite3.h, libpq-fe.h, Engine::)" \
  '(#[ \t]*include[ \t]*[<"](sqlite3|libpq-fe)\.h[>"])|Engine::' '^src/store/' "${sources[@]}"

mapfile -t lower < <(find src/store src/domain src/crypto src/core -type f \
  \( -name '*.cpp' -o -name '*.hpp' -o -name '*.h' \) 2>/dev/null | sort)
if ((${#lower[@]})); then
  check upward "store/, domain/, crypto/ and core/ must not include api/ or app/ (they sit below)" \
    '^[ \t]*#[ \t]*include[ \t]*"(api|app)/' '^$' "${lower[@]}"
fi

for entry in "${!allowed[@]}"; do
  [[ -z "${used[$entry]:-}" ]] &&
    echo "note: $ALLOW_FILE: '$entry' no longer matches anything; delete the line"
done

if ((violations)); then
  echo "check-layers: $violations violation(s) of the layer rules (design.md, Conventions)"
  exit 1
fi
echo "check-layers: ok (${#sources[@]} files; ${#allowed[@]} allowlisted exception(s))"
