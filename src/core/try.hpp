#pragma once
// Early return on an error Expected (absl's ASSIGN_OR_RETURN):
//   BULWARK_TRY(auto row, find(tx, id));   // row is the value, or we return the error
//   BULWARK_TRY_VOID(check(tx, input));
#include "core/expected.hpp"

#define BULWARK_CONCAT_INNER(a, b) a##b
#define BULWARK_CONCAT(a, b) BULWARK_CONCAT_INNER(a, b)

// `decl` is a declaration and `tmp` a name: parentheses would break both.
// NOLINTBEGIN(bugprone-macro-parentheses)
#define BULWARK_TRY_IMPL(tmp, decl, expr)                         \
  auto tmp = (expr);                                              \
  if (!tmp) return ::bulwark::unexpected(std::move(tmp.error())); \
  decl = std::move(*tmp)
#define BULWARK_TRY(decl, expr) BULWARK_TRY_IMPL(BULWARK_CONCAT(bulwark_try_, __LINE__), decl, expr)
// NOLINTEND(bugprone-macro-parentheses)

#define BULWARK_TRY_VOID(expr)                                        \
  do {                                                                \
    if (auto bulwark_try_v = (expr); !bulwark_try_v)                  \
      return ::bulwark::unexpected(std::move(bulwark_try_v.error())); \
  } while (false)
