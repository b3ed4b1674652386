#pragma once
// Rows decoded into described structs by column name, not by position
// (userver's RowTag): a struct described with BOOST_DESCRIBE_STRUCT gets
// member `x` from the result column named `x`. Expressions need an `AS x`.
// The mapping is computed once per result; a member without a column is a
// programming error (std::logic_error naming it), found by the first test
// that runs the query.
#include <boost/describe/members.hpp>
#include <boost/mp11/algorithm.hpp>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "store/sql.hpp"

namespace bulwark::store {

// Column decoders. A type of our own decodes itself through an ADL
// `from_column(const Row&, std::size_t, T&)`.
inline void decode_column(const Row& r, std::size_t i, std::int64_t& out) { out = r.integer(i); }
inline void decode_column(const Row& r, std::size_t i, int& out) {
  out = static_cast<int>(r.integer(i));
}
inline void decode_column(const Row& r, std::size_t i, bool& out) { out = r.integer(i) != 0; }
inline void decode_column(const Row& r, std::size_t i, double& out) { out = r.real(i); }
inline void decode_column(const Row& r, std::size_t i, std::string& out) { out = r.text(i); }
template <class T>
requires requires(const Row& r, std::size_t i, T& t) { from_column(r, i, t); }
void decode_column(const Row& r, std::size_t i, T& out) { from_column(r, i, out); }
template <class T>
void decode_column(const Row& r, std::size_t i, std::optional<T>& out) {
  if (r.is_null(i)) {
    out.reset();
    return;
  }
  T value{};
  decode_column(r, i, value);
  out = std::move(value);
}

// From a row about to be dropped (a result decoded as an rvalue): its text
// is moved, not copied.
inline void decode_column(Row& r, std::size_t i, std::string& out) { out = r.take_text(i); }
template <class T>
void decode_column(Row& r, std::size_t i, std::optional<T>& out) {
  if (r.is_null(i)) {
    out.reset();
    return;
  }
  T value{};
  decode_column(r, i, value);
  out = std::move(value);
}

// A member the query does not produce (the service fills it in) says so with
// `static constexpr bool kComputed = true` in its type; decoding skips it.
template <class M>
concept Computed = M::kComputed;
template <class T, class D>
using MemberType = std::remove_cvref_t<decltype(std::declval<T&>().*D::pointer)>;

template <class T>
std::vector<std::size_t> column_map(const Result& result) {
  std::vector<std::size_t> map;
  boost::mp11::mp_for_each<boost::describe::describe_members<T, boost::describe::mod_public>>(
      [&](auto member) {
        if constexpr (Computed<MemberType<T, decltype(member)>>) return;
        // Queries usually select the columns in the members' order: look
        // there first, then everywhere.
        const std::size_t guess = map.size();
        const bool in_order = guess < result.columns.size() && result.columns[guess] == member.name;
        std::size_t i = in_order ? guess : 0;
        if (!in_order)
          while (i < result.columns.size() && result.columns[i] != member.name) ++i;
        if (i == result.columns.size())
          throw std::logic_error(std::string("query has no column for member ") + member.name);
        map.push_back(i);
      });
  return map;
}

// R: const Row (text copied) or Row (text moved out). Decodes in place:
// a listed row is a large struct, and a page holds 50 of them.
template <class T, class R>
void decode_into(R& row, const std::vector<std::size_t>& map, T& out) {
  std::size_t k = 0;
  boost::mp11::mp_for_each<boost::describe::describe_members<T, boost::describe::mod_public>>(
      [&](auto member) {
        if constexpr (!Computed<MemberType<T, decltype(member)>>)
          decode_column(row, map[k++], out.*member.pointer);
      });
}

template <class T, class R>
T decode_row(R& row, const std::vector<std::size_t>& map) {
  T out{};
  decode_into(row, map, out);
  return out;
}

template <class T>
std::vector<T> decode_all(const Result& result) {
  std::vector<T> out;
  if (result.rows.empty()) return out;
  const auto map = column_map<T>(result);
  out.reserve(result.rows.size());
  for (const auto& row : result.rows) decode_into(row, map, out.emplace_back());
  return out;
}

template <class T>
std::vector<T> decode_all(Result&& result) {
  std::vector<T> out;
  if (result.rows.empty()) return out;
  const auto map = column_map<T>(result);
  out.reserve(result.rows.size());
  for (auto& row : result.rows) decode_into(row, map, out.emplace_back());
  return out;
}

template <class T>
std::optional<T> decode_first(const Result& result) {
  if (result.rows.empty()) return std::nullopt;
  return decode_row<T>(result.rows.front(), column_map<T>(result));
}

// Bound parameters from typed values. A type of our own binds itself
// through an ADL `to_value(const T&) -> Value`.
inline Value bind(std::nullptr_t) { return nullptr; }
inline Value bind(const Value& v) { return v; }
inline Value bind(std::int64_t v) { return v; }
inline Value bind(int v) { return std::int64_t{v}; }
inline Value bind(bool v) { return std::int64_t{v ? 1 : 0}; }
inline Value bind(double v) { return v; }
inline Value bind(const std::string& v) { return v; }
inline Value bind(std::string_view v) { return std::string(v); }
inline Value bind(const char* v) { return std::string(v); }
template <class T>
requires requires(const T& t) { to_value(t); }
Value bind(const T& v) { return to_value(v); }
template <class T>
Value bind(const std::optional<T>& v) {
  if (!v) return nullptr;
  return bind(*v);
}

}  // namespace bulwark::store
