#pragma once
// Two fields of a work order's view that are written differently from how
// they are stored, without allocating per row (a list writes 50 rows):
//   number               the column is 1042, the view says "WO-1042";
//   allowed_transitions  not a column at all: the service fills it from the
//                        status and the caller's role (a StatusSet, one byte).
#include <charconv>
#include <cstdint>
#include <string>
#include <vector>

#include "domain/work_order_status.hpp"
#include "http/json_writer.hpp"
#include "resource/schema.hpp"
#include "store/sql.hpp"

namespace bulwark::domain::work_orders {

struct WorkOrderNumber {
  std::int64_t value = 0;
  std::string text() const { return "WO-" + std::to_string(value); }
};
inline void from_column(const store::Row& r, std::size_t i, WorkOrderNumber& out) {
  out.value = r.integer(i);
}
inline void write_value(http::JsonWriter& w, const WorkOrderNumber& n) {
  char buf[24] = {'W', 'O', '-'};
  const auto end = std::to_chars(buf + 3, buf + sizeof buf, n.value).ptr;
  w.plain_string(std::string_view(buf, static_cast<std::size_t>(end - buf)));
}

struct StatusMoves {
  // Not read from a row: store/typed_rows.hpp skips members marked computed.
  static constexpr bool kComputed = true;
  StatusSet moves;
  std::vector<std::string> names() const {
    std::vector<std::string> out;
    for (auto s : kAllStatuses)
      if (moves.has(s)) out.emplace_back(status_name(s));
    return out;
  }
};
inline void write_value(http::JsonWriter& w, const StatusMoves& m) {
  w.begin_array();
  for (auto s : kAllStatuses)
    if (m.moves.has(s)) w.plain_string(status_name(s));
  w.end_array();
}

}  // namespace bulwark::domain::work_orders

namespace bulwark::resource {
template <>
struct Schema<domain::work_orders::WorkOrderNumber> {  // "WO-1042"
  static boost::json::object json() { return {{"type", "string"}, {"pattern", "^WO-[0-9]+$"}}; }
  static std::string ts() { return "string"; }
};
template <>
struct Schema<domain::work_orders::StatusMoves> : Schema<std::vector<std::string>> {};
}  // namespace bulwark::resource
