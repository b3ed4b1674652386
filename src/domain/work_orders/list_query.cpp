#include "domain/work_orders/list_query.hpp"

#include <array>
#include <charconv>

namespace bulwark::domain::work_orders {

namespace {

// In ListSort's order.
constexpr std::array<std::string_view, 7> kSortNames{"newest", "due",    "created",  "priority",
                                                     "number", "status", "scheduled"};

// Reads an integer that is all of `text`.
std::optional<std::int64_t> whole_integer(std::string_view text) {
  std::int64_t n = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
  if (ec != std::errc{} || end != text.data() + text.size()) return std::nullopt;
  return n;
}

std::string_view direction(bool ascending) { return ascending ? "asc" : "desc"; }

}  // namespace

std::optional<ListSort> parse_list_sort(std::string_view name) {
  for (std::size_t i = 0; i < kSortNames.size(); ++i)
    if (kSortNames[i] == name) return static_cast<ListSort>(i);
  return std::nullopt;
}

std::string_view list_sort_name(ListSort s) { return kSortNames.at(static_cast<std::size_t>(s)); }

std::string list_cursor(const WorkOrderQuery& q, std::int64_t key, std::int64_t id) {
  if (q.sort == ListSort::newest && !q.ascending) return std::to_string(id);
  return std::string(list_sort_name(q.sort)) + "." + std::string(direction(q.ascending)) + "." +
         std::to_string(key) + "." + std::to_string(id);
}

bool read_list_cursor(std::string_view text, WorkOrderQuery& q) {
  if (q.sort == ListSort::newest && !q.ascending) {
    q.cursor = whole_integer(text);
    return q.cursor && *q.cursor > 0;
  }
  const std::string prefix =
      std::string(list_sort_name(q.sort)) + "." + std::string(direction(q.ascending)) + ".";
  if (!text.starts_with(prefix)) return false;  // a cursor of another sort
  text.remove_prefix(prefix.size());
  const auto dot = text.find('.');
  if (dot == std::string_view::npos) return false;
  q.cursor_key = whole_integer(text.substr(0, dot));
  q.cursor = whole_integer(text.substr(dot + 1));
  return q.cursor_key && q.cursor && *q.cursor > 0;
}

}  // namespace bulwark::domain::work_orders
