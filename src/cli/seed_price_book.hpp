#pragma once
// The demo's price book (issue 14 item 1): what a septic company charges
// for, and the line items of the demo work orders taken from it.
#include <cstdint>
#include <vector>

#include "store/org_tx.hpp"

namespace bulwark::cli {

// Adds the book; its item ids in the order of the demo's items.
std::vector<std::int64_t> seed_price_book(store::OrgTx& tx, std::int64_t now);
// Prices a demo work order of job `job` (seed_demo.cpp's kJobs) from the
// book; `draw` varies the gallons pumped. Jobs the book does not price get
// no line items (they bill labour as before).
void seed_line_items(store::OrgTx& tx, const std::vector<std::int64_t>& book,
                     std::int64_t work_order, std::size_t job, std::uint32_t draw, std::int64_t by,
                     std::int64_t now);

}  // namespace bulwark::cli
