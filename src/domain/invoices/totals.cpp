#include "domain/invoices/totals.hpp"

#include <algorithm>

namespace bulwark::domain::invoices {

std::int64_t mul_div_round(std::int64_t a, std::int64_t b, std::int64_t c) {
  // 128 bits: cents x cents x basis points overflows 64.
  const __int128 n = static_cast<__int128>(a) * b;
  return static_cast<std::int64_t>((n * 2 + c) / (static_cast<__int128>(c) * 2));
}

Totals compute_totals(const std::vector<TotalsLine>& lines, std::int64_t discount_cents,
                      std::int64_t discount_bp) {
  Totals t;
  for (const auto& l : lines) t.subtotal_cents += l.amount_cents;
  const auto subtotal = std::max<std::int64_t>(t.subtotal_cents, 0);
  t.discount_cents = discount_bp > 0 ? mul_div_round(subtotal, discount_bp, 10000)
                                     : std::clamp<std::int64_t>(discount_cents, 0, subtotal);
  t.discount_cents = std::min(t.discount_cents, subtotal);
  const auto discounted = subtotal - t.discount_cents;
  for (const auto& l : lines) {
    if (l.tax_rate_bp <= 0 || l.tax_name.empty()) continue;
    auto it = std::ranges::find_if(t.taxes, [&](const TaxTotal& x) {
      return x.name == l.tax_name && x.rate_bp == l.tax_rate_bp;
    });
    if (it == t.taxes.end()) it = t.taxes.insert(t.taxes.end(), {l.tax_name, l.tax_rate_bp, 0, 0});
    it->base_cents += l.amount_cents;  // before the discount; scaled below
  }
  std::int64_t tax_sum = 0;
  for (auto& x : t.taxes) {
    const auto base = std::max<std::int64_t>(x.base_cents, 0);
    if (subtotal > 0) {
      // base x discounted / subtotal x bp / 10000, one rounding.
      const __int128 n = static_cast<__int128>(base) * discounted * x.rate_bp;
      const __int128 d = static_cast<__int128>(subtotal) * 10000;
      x.tax_cents = static_cast<std::int64_t>((n * 2 + d) / (d * 2));
      x.base_cents = mul_div_round(base, discounted, subtotal);
    } else {
      x.tax_cents = 0;
      x.base_cents = 0;
    }
    tax_sum += x.tax_cents;
  }
  t.total_cents = t.subtotal_cents - t.discount_cents + tax_sum;
  return t;
}

}  // namespace bulwark::domain::invoices
