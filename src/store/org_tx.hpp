#pragma once
// The one way to tenant data: a transaction (or a read) bound to one
// organization. It binds the caller's org_id as `$1` itself and accepts only
// OrgSql, whose constructor proves at compile time that every tenant table
// is scoped to `$1`. Results decode into described structs by column name.
//
// Bodies return values: `in_org(db, org, [&](OrgTx& tx) { return ...; })`
// returns what the body returns, commits on return and rolls back on a throw
// or when the body returns an error Expected.
#include <array>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "core/error.hpp"
#include "core/expected.hpp"
#include "store/database.hpp"
#include "store/typed_rows.hpp"

namespace bulwark::store {

class OrgTx {
 public:
  OrgTx(Connection& connection, std::int64_t org_id) : conn_(connection), org_id_(org_id) {}
  std::int64_t org_id() const { return org_id_; }

  template <class... P>
  Result run(OrgSql sql, const P&... params) {
    std::array<Value, sizeof...(P) + 1> values{Value(org_id_), bind(params)...};
    return conn_.query(sql.sql(), std::span<const Value>(values));
  }
  // Parameters known only at run time (`params` are $2, $3, ...): the
  // generic passes over every personal table (privacy/personal_tables.hpp).
  Result run_values(OrgSql sql, std::span<const Value> params) {
    std::vector<Value> values;
    values.reserve(params.size() + 1);
    values.emplace_back(org_id_);
    values.insert(values.end(), params.begin(), params.end());
    return conn_.query(sql.sql(), std::span<const Value>(values));
  }
  template <class Row, class... P>
  std::optional<Row> one(OrgSql sql, const P&... params) {
    return decode_first<Row>(run(sql, params...));
  }
  template <class Row, class... P>
  std::vector<Row> all(OrgSql sql, const P&... params) {
    return decode_all<Row>(run(sql, params...));
  }
  // Optimistic concurrency in one place: an UPDATE guarded by `version = $n`
  // that changed nothing means someone else changed the row first.
  template <class... P>
  Expected<void, ApiError> update_versioned(OrgSql sql, std::string_view noun, const P&... params) {
    if (run(sql, params...).affected == 0)
      return unexpected(
          ApiError(ErrorCode::conflict,
                   "the " + std::string(noun) + " was changed by someone else; reload it",
                   "version_conflict"));
    return {};
  }
  // Binary data (PostgreSQL only; store/blob_store.cpp): `bytes` is bound
  // after the other parameters, in binary format.
  template <class... P>
  Result run_with_bytes(OrgSql sql, std::string_view bytes, const P&... params) {
    std::array<Value, sizeof...(P) + 1> values{Value(org_id_), bind(params)...};
    return conn_.query_with_bytes(sql.sql(), std::span<const Value>(values), bytes);
  }
  // The first column of the first row as raw bytes, or nullopt (PostgreSQL only).
  template <class... P>
  std::optional<std::string> bytes(OrgSql sql, const P&... params) {
    std::array<Value, sizeof...(P) + 1> values{Value(org_id_), bind(params)...};
    return conn_.query_bytes(sql.sql(), std::span<const Value>(values));
  }
  // Personal fields (issue 13; store/personal.hpp): repositories seal what
  // they write and open what they read, bound to this organization, the
  // table, the column and the row's own random key. Throws
  // FieldSealError when a value does not open, std::logic_error when the
  // database has no sealer (a programming error: every opener attaches one).
  std::string new_row_key() { return sealer().new_row_key(); }
  std::string seal(std::string_view table, std::string_view column, std::string_view row_key,
                   std::string_view plain) {
    return sealer().seal(org_id_, table, column, row_key, plain);
  }
  // (A template, so that a string literal picks the overload above.)
  template <class Optional>
  requires std::is_same_v<Optional, std::optional<std::string>> std::optional<std::string> seal(
      std::string_view table, std::string_view column, std::string_view row_key,
      const Optional& plain) {
    if (!plain) return std::nullopt;
    return seal(table, column, row_key, std::string_view(*plain));
  }
  std::string open(std::string_view table, std::string_view column, std::string_view row_key,
                   std::string_view sealed) {
    return sealer().open(org_id_, table, column, row_key, sealed);
  }
  // A blind index token (hex) of an already normalised value.
  std::string blind(std::string_view domain, std::string_view normalised, std::size_t bytes) {
    return sealer().blind(org_id_, domain, normalised, bytes);
  }
  FieldSealer& sealer() {
    if (auto* s = conn_.field_sealer()) return *s;
    throw std::logic_error("personal data needs a key ring: the database has no field sealer");
  }

  // For callees not yet taking an OrgTx (audit, messaging): same connection,
  // same transaction.
  Connection& connection() { return conn_; }

 private:
  Connection& conn_;
  std::int64_t org_id_;
};

template <class T>
struct IsExpected : std::false_type {};
template <class T, class E>
struct IsExpected<Expected<T, E>> : std::true_type {};

namespace detail {
struct RollBack {};
}  // namespace detail

// Runs `work(Connection&)` in one transaction and returns its result.
template <class F>
auto transact(Database& db, F&& work) -> std::invoke_result_t<F&, Connection&> {
  using R = std::invoke_result_t<F&, Connection&>;
  if constexpr (std::is_void_v<R>) {
    db.transaction([&](Connection& c) { work(c); });
  } else {
    std::optional<R> out;
    try {
      db.transaction([&](Connection& c) {
        out.emplace(work(c));
        if constexpr (IsExpected<R>::value)
          if (!out->has_value()) throw detail::RollBack{};
      });
    } catch (const detail::RollBack&) {
    }
    return std::move(*out);
  }
}

// The same, bound to one organization.
template <class F>
auto in_org(Database& db, std::int64_t org_id, F&& work) {
  return transact(db, [&](Connection& c) {
    OrgTx tx(c, org_id);
    return work(tx);
  });
}

// A read on one pooled connection, without an explicit transaction.
template <class F>
auto read_org(Database& db, std::int64_t org_id, F&& work) -> std::invoke_result_t<F&, OrgTx&> {
  using R = std::invoke_result_t<F&, OrgTx&>;
  if constexpr (std::is_void_v<R>) {
    db.with_connection([&](Connection& c) {
      OrgTx tx(c, org_id);
      work(tx);
    });
  } else {
    std::optional<R> out;
    db.with_connection([&](Connection& c) {
      OrgTx tx(c, org_id);
      out.emplace(work(tx));
    });
    return std::move(*out);
  }
}

}  // namespace bulwark::store
