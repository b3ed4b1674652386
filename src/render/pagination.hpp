#pragma once
// Where a table's rows fall on pages (no Cairo here, so unit tests can check
// the breaks): the header row is repeated at the top of every page the
// table continues on, and a row is never split across pages.
#include <cstddef>
#include <vector>

namespace bulwark::render {

// One page's share of a table: rows [first, end), under a repeated header.
struct TableSlice {
  std::size_t first = 0;
  std::size_t end = 0;
  bool new_page = false;  // starts at the top of a fresh page
};

// `rows`: each row's height; `header`: the header row's height (0 for a
// table without one); `space_left`: what is left on the current page;
// `page_space`: the height of an empty page's body. A row taller than an
// empty page still gets a page of its own (drawn past the margin) rather
// than stopping the document.
std::vector<TableSlice> paginate(const std::vector<double>& rows, double header, double space_left,
                                 double page_space);

}  // namespace bulwark::render
