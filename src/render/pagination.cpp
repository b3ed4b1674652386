#include "render/pagination.hpp"

namespace bulwark::render {

std::vector<TableSlice> paginate(const std::vector<double>& rows, double header, double space_left,
                                 double page_space) {
  std::vector<TableSlice> slices;
  if (rows.empty()) return slices;
  TableSlice slice;
  double left = space_left;
  // A header alone at the foot of a page is useless: start on a fresh page
  // unless the header and the first row fit.
  if (header + rows.front() > left) {
    slice.new_page = true;
    left = page_space;
  }
  left -= header;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const bool slice_has_rows = i > slice.first;
    if (rows[i] > left && slice_has_rows) {
      slice.end = i;
      slices.push_back(slice);
      slice = TableSlice{i, i, true};
      left = page_space - header;
    }
    left -= rows[i];
  }
  slice.end = rows.size();
  slices.push_back(slice);
  return slices;
}

}  // namespace bulwark::render
