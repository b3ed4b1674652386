#include "cli/seed_price_book.hpp"

#include <array>
#include <string>

#include "domain/price_book/repo.hpp"

namespace bulwark::cli {

namespace {

using store::OrgSql;

constexpr OrgSql kInsertPart(
    "INSERT INTO work_order_parts (org_id, work_order_id, name, quantity, unit_cost_cents, "
    "added_by, created_at, price_item_id) SELECT $1, $2, name, $4, unit_price_cents, $5, $6, id "
    "FROM price_items WHERE org_id = $1 AND id = $3");

struct DemoItem {
  const char* kind;
  const char* name;
  const char* unit;
  std::int64_t cents;
};
// Prices a rural septic company in the US charges (2026).
constexpr std::array kBook = {
    DemoItem{"service", "Pump-out (up to 1,000 gal)", "flat", 39500},
    DemoItem{"service", "Additional gallons", "gallon", 35},
    DemoItem{"service", "Trip fee", "flat", 7500},
    DemoItem{"service", "Disposal fee", "gallon", 12},
    DemoItem{"service", "Dig-out / locate lid", "flat", 12500},
    DemoItem{"service", "Filter cleaning", "flat", 6500},
    DemoItem{"product", "Riser install (24 in.)", "each", 28500},
    DemoItem{"service", "Labour", "hour", 9500},
};
enum Item : std::size_t { pump_out, extra_gallons, trip, disposal, dig_out, filter, riser, labour };

}  // namespace

std::vector<std::int64_t> seed_price_book(store::OrgTx& tx, std::int64_t now) {
  std::vector<std::int64_t> ids;
  for (const auto& d : kBook) {
    domain::price_book::NewPriceItem in;
    in.kind.value = d.kind;
    in.name.value = d.name;
    in.unit.value = d.unit;
    in.unit_price_cents.value = d.cents;
    ids.push_back(domain::price_book::repo::insert(tx, in, now));
  }
  return ids;
}

void seed_line_items(store::OrgTx& tx, const std::vector<std::int64_t>& book,
                     std::int64_t work_order, std::size_t job, std::uint32_t draw, std::int64_t by,
                     std::int64_t now) {
  auto add = [&](Item item, double quantity) {
    tx.run(kInsertPart, work_order, book.at(item), quantity, by, now);
  };
  // A 1,000-gallon tank often holds a little more: the extra is billed per
  // gallon, and disposal on every gallon hauled (fractional on the meter).
  // In tenths of a gallon (whole numbers), so the extra is exact: 1,126.6 - 1,000.
  const std::int64_t tenths = 9'000 + static_cast<std::int64_t>(draw % 4'000);
  const double gallons = static_cast<double>(tenths) / 10.0;
  switch (job) {
    case 0:  // Pump 1,000-gal septic tank
    case 6:  // Pump grease trap
      add(pump_out, 1);
      if (tenths > 10'000) add(extra_gallons, static_cast<double>(tenths - 10'000) / 10.0);
      add(trip, 1);
      add(disposal, gallons);
      if (draw % 5 == 0) add(filter, 1);
      break;
    case 2:  // Replace effluent filter
      add(trip, 1);
      add(filter, 1);
      break;
    case 3:  // Locate and dig out lid
      add(trip, 1);
      add(dig_out, 1);
      if (draw % 3 == 0) add(riser, 1);
      break;
    case 4:  // Emergency backup
      add(trip, 1);
      add(labour, 1.5 + (draw % 4) * 0.5);
      break;
    default:  // inspections and the rest: labour at the org's rate, as before
      break;
  }
}

}  // namespace bulwark::cli
