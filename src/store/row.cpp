#include <charconv>
#include <stdexcept>

#include "store/database.hpp"

namespace bulwark::store {

Row::Row(std::vector<std::optional<std::string>> columns) {
  columns_.reserve(columns.size());
  for (auto& c : columns) {
    Column col;
    if (c) {
      col.kind = Column::Kind::text;
      col.s = std::move(*c);
      col.has_text = true;
    }
    columns_.push_back(std::move(col));
  }
}

const std::string& Row::text(std::size_t i) const {
  const auto& c = columns_.at(i);
  if (c.kind == Column::Kind::null) throw std::runtime_error("unexpected NULL column");
  if (!c.has_text) {
    char buf[32];
    auto [end, ec] = c.kind == Column::Kind::integer ? std::to_chars(buf, buf + sizeof buf, c.i)
                                                     : std::to_chars(buf, buf + sizeof buf, c.d);
    if (ec != std::errc{}) throw std::runtime_error("column cannot be formatted");
    c.s.assign(buf, end);
    c.has_text = true;
  }
  return c.s;
}

std::string Row::take_text(std::size_t i) {
  text(i);
  auto& c = columns_.at(i);
  c.has_text = false;
  return std::move(c.s);
}

std::int64_t Row::integer(std::size_t i) const {
  const auto& c = columns_.at(i);
  if (c.kind == Column::Kind::integer) return c.i;
  if (c.kind == Column::Kind::real) {
    if (c.d != static_cast<double>(static_cast<std::int64_t>(c.d)))
      throw std::runtime_error("column is not an integer");
    return static_cast<std::int64_t>(c.d);
  }
  const auto& s = text(i);
  std::int64_t v = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc{} || end != s.data() + s.size())
    throw std::runtime_error("column is not an integer");
  return v;
}

std::optional<std::int64_t> Row::optional_integer(std::size_t i) const {
  if (is_null(i)) return std::nullopt;
  return integer(i);
}

double Row::real(std::size_t i) const {
  const auto& c = columns_.at(i);
  if (c.kind == Column::Kind::real) return c.d;
  if (c.kind == Column::Kind::integer) return static_cast<double>(c.i);
  const auto& s = text(i);
  double v = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc{} || end != s.data() + s.size())
    throw std::runtime_error("column is not a number");
  return v;
}

Result Database::query(Sql sql, std::initializer_list<Value> params) {
  Result out;
  // Copy the parameters: the initializer_list's storage ends with this call's
  // full expression, but `work` runs inside it, so a span over it is fine.
  std::span<const Value> span(params.begin(), params.size());
  with_connection([&](Connection& c) { out = c.query(sql, span); });
  return out;
}

bool Database::ping() {
  try {
    auto r = query(Sql("SELECT 1"));
    return !r.rows.empty();
  } catch (const std::exception&) {
    return false;
  }
}

}  // namespace bulwark::store

namespace bulwark::store {

// Only PostgreSQL stores attachment bytes in the database (on SQLite they are
// files: store/blob_store.cpp).
Result Connection::query_with_bytes(Sql, std::span<const Value>, std::string_view) {
  throw std::logic_error("binary parameters are for PostgreSQL only");
}
std::optional<std::string> Connection::query_bytes(Sql, std::span<const Value>) {
  throw std::logic_error("binary results are for PostgreSQL only");
}

}  // namespace bulwark::store
