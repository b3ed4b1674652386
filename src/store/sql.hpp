#pragma once
// SQL text that can only come from a literal in the source (MUST-002).
// The constructor is consteval: `Sql("SELECT ...")` compiles, while
// `Sql(some_std_string.c_str())` or anything built at run time does not.
// Values always travel separately as bound parameters ($1, $2, ... in both
// SQLite and PostgreSQL).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "store/tenant_scope.hpp"

namespace bulwark::store {

class OrgSql;
class CrossTenantSql;

class Sql {
 public:
  template <std::size_t N>
  consteval Sql(const char (&text)[N]) : text_(text, N - 1) {}  // NOLINT: implicit on purpose
  constexpr std::string_view text() const { return text_; }

 private:
  friend class OrgSql;
  friend class CrossTenantSql;
  constexpr explicit Sql(std::string_view checked) : text_(checked) {}
  std::string_view text_;
};

// Called only when a query fails the tenant check, which makes the consteval
// constructor below ill-formed: the compiler names this function in its error.
void tenant_query_lacks_org_id_eq_dollar_1_see_store_tenant_scope_hpp(const char* why);

// SQL on tenant data, scoped by the caller's organization: the constructor
// checks at compile time that every tenant table is bound to `$1`
// (store/tenant_scope.hpp), and OrgTx binds the organization as `$1` itself.
// A query that forgets the tenant does not compile.
class OrgSql {
 public:
  template <std::size_t N>
  consteval OrgSql(const char (&text)[N]) : text_(text, N - 1) {  // NOLINT: implicit on purpose
    if (const char* why = tenant_scope::check(text_))
      tenant_query_lacks_org_id_eq_dollar_1_see_store_tenant_scope_hpp(why);
  }
  constexpr std::string_view text() const { return text_; }
  constexpr Sql sql() const { return Sql(text_); }

 private:
  std::string_view text_;
};

// A query that crosses organizations on purpose (webhook routing by phone
// number, the PM and SMS workers, the admin CLI, sign-in by email). Still a
// literal (MUST-002); the name makes every such query greppable.
class CrossTenantSql {
 public:
  template <std::size_t N>
  consteval CrossTenantSql(const char (&text)[N])  // NOLINT: implicit on purpose
      : text_(text, N - 1) {}
  constexpr std::string_view text() const { return text_; }
  constexpr operator Sql() const { return Sql(text_); }  // NOLINT: implicit on purpose

 private:
  std::string_view text_;
};

// A bound parameter. Booleans are stored as 0/1 integers on both engines;
// timestamps as integer milliseconds since the epoch (UTC).
using Value = std::variant<std::nullptr_t, std::int64_t, double, std::string>;

// One result row. SQLite hands over integers and reals as they are stored
// (no text round trip: listing 50 work orders reads ~1,000 columns); libpq's
// text format hands over text. Accessors convert as needed, so handlers do
// not care which engine produced the row.
class Row {
 public:
  struct Column {
    enum class Kind : unsigned char { null, integer, real, text };
    Kind kind = Kind::null;
    std::int64_t i = 0;
    double d = 0;
    mutable std::string s;  // the text, or integer/real formatted on first text() call
    mutable bool has_text = false;
  };

  Row() = default;
  explicit Row(std::vector<std::optional<std::string>> columns);
  explicit Row(std::vector<Column> columns) : columns_(std::move(columns)) {}
  std::size_t size() const { return columns_.size(); }
  bool is_null(std::size_t i) const { return columns_.at(i).kind == Column::Kind::null; }
  const std::string& text(std::size_t i) const;  // throws if NULL
  // The text moved out, for a row about to be dropped (store/typed_rows.hpp
  // decodes a spent result this way): no copy per column.
  std::string take_text(std::size_t i);
  std::optional<std::string> optional_text(std::size_t i) const {
    if (is_null(i)) return std::nullopt;
    return text(i);
  }
  std::int64_t integer(std::size_t i) const;  // throws if NULL or not an integer
  std::optional<std::int64_t> optional_integer(std::size_t i) const;
  double real(std::size_t i) const;

 private:
  std::vector<Column> columns_;
};

struct Result {
  std::vector<std::string> columns;  // result column names, for decoding rows by name
  std::vector<Row> rows;
  std::int64_t affected = 0;  // rows changed by INSERT/UPDATE/DELETE
  bool empty() const { return rows.empty(); }
};

}  // namespace bulwark::store
