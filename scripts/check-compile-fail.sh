#!/usr/bin/env bash
# MUST-002 enforced by the compiler: SQL built at run time must not compile,
# literal SQL must. Tenant SQL likewise must name org_id = $1. Exits non-zero if either expectation fails.
set -euo pipefail
cd "$(dirname "$0")/.."
compile() { g++ -std=c++23 -fsyntax-only -Isrc "$1" 2>/dev/null; }
status=0
for f in tests/compile_fail/sql_from_runtime_string.cpp tests/compile_fail/sql_from_constexpr_concat.cpp; do
  if errors=$(g++ -std=c++23 -fsyntax-only -Isrc "$f" 2>&1); then
    echo "FAIL: $f compiled, but SQL from a run-time string must not"; status=1
  elif ! grep -q "Sql::Sql" <<<"$errors"; then
    echo "FAIL: $f failed for another reason:"; echo "$errors" | head -5; status=1
  else
    echo "ok: $f is refused by the compiler (no Sql from a non-literal)"
  fi
done
# Tenant isolation: a query on tenant data without org_id = $1 does not compile
# (store/tenant_scope.hpp states the rule), in each shape the rule names.
for f in tests/compile_fail/org_sql_missing_org_id.cpp tests/compile_fail/org_sql_org_id_under_or.cpp \
         tests/compile_fail/org_sql_join_without_org_id.cpp \
         tests/compile_fail/org_sql_insert_without_org_id.cpp; do
  if errors=$(g++ -std=c++23 -fsyntax-only -Isrc "$f" 2>&1); then
    echo "FAIL: $f compiled, but a query without org_id = \$1 must not"; status=1
  elif ! grep -q "tenant_query_lacks_org_id_eq_dollar_1" <<<"$errors"; then
    echo "FAIL: $f failed for another reason:"; echo "$errors" | head -5; status=1
  else
    echo "ok: $f is refused by the compiler (tenant table not scoped to \$1)"
  fi
done
if compile tests/compile_fail/org_sql_scoped.cpp; then echo "ok: scoped tenant SQL compiles"
else echo "FAIL: the scoped positive control did not compile"; status=1; fi
if compile tests/compile_fail/sql_from_literal.cpp; then echo "ok: literal SQL compiles"
else echo "FAIL: the positive control did not compile"; status=1; fi
exit $status
