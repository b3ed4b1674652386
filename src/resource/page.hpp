#pragma once
// List shapes every list endpoint shares.
#include <optional>
#include <string>
#include <vector>

namespace bulwark::resource {

// A keyset page: {"items": [...], "next_cursor": "..." | null}. The cursor is
// the last row's sort key, so pages stay stable while rows are inserted.
template <class T>
struct Page {
  std::vector<T> items;
  std::optional<std::string> next_cursor;
};
// A whole list: {"items": [...]}.
template <class T>
struct Items {
  std::vector<T> items;
};

// Keeps the first `limit` of rows fetched with LIMIT limit + 1, and the
// cursor of the last kept row when there was one more.
template <class T, class Row, class View, class Cursor>
Page<T> page_of(std::vector<Row> rows, std::size_t limit, View&& view, Cursor&& cursor) {
  Page<T> page;
  const bool more = rows.size() > limit;
  if (more) rows.resize(limit);
  page.items.reserve(rows.size());
  for (const auto& r : rows) page.items.push_back(view(r));
  if (more && !rows.empty()) page.next_cursor = cursor(rows.back());
  return page;
}

}  // namespace bulwark::resource
