#pragma once
// An invoice's totals in integer cents, by one rounding rule (pure, so the
// arithmetic is unit-tested without a database):
//   1. a line's amount is quantity x unit price, rounded half away from zero;
//   2. subtotal = the sum of the lines;
//   3. discount = the cents given, or subtotal x basis points / 10000 rounded
//      half up; never more than the subtotal;
//   4. each tax rate is applied to its lines' share of the discounted
//      subtotal: tax = base x (subtotal - discount) / subtotal x bp / 10000,
//      computed exactly and rounded half up once per rate (not per line), so
//      the tax of a rate does not depend on how its lines are split;
//   5. total = subtotal - discount + the sum of the taxes.
#include <cstdint>
#include <string>
#include <vector>

namespace bulwark::domain::invoices {

struct TotalsLine {
  std::int64_t amount_cents = 0;
  std::string tax_name;  // empty: untaxed
  std::int64_t tax_rate_bp = 0;
};

struct TaxTotal {
  std::string name;
  std::int64_t rate_bp = 0;
  std::int64_t base_cents = 0;  // the rate's lines after their share of the discount
  std::int64_t tax_cents = 0;
};

struct Totals {
  std::int64_t subtotal_cents = 0;
  std::int64_t discount_cents = 0;
  std::vector<TaxTotal> taxes;  // one per (name, rate), in order of first use
  std::int64_t total_cents = 0;
};

// `discount_cents` or `discount_bp` (at most one is non-zero).
Totals compute_totals(const std::vector<TotalsLine>& lines, std::int64_t discount_cents,
                      std::int64_t discount_bp);

// a x b / c rounded half up, exactly (a, b >= 0, c > 0).
std::int64_t mul_div_round(std::int64_t a, std::int64_t b, std::int64_t c);

}  // namespace bulwark::domain::invoices
