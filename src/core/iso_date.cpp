#include "core/iso_date.hpp"

#include <algorithm>
#include <charconv>

namespace bulwark::core {

namespace chr = std::chrono;

std::optional<chr::year_month_day> parse_iso_date(std::string_view iso) {
  if (iso.size() != 10 || iso[4] != '-' || iso[7] != '-') return std::nullopt;
  int y = 0;
  unsigned m = 0, d = 0;
  const auto num = [](std::string_view s, auto& out) {
    const auto* end = s.data() + s.size();
    const auto r = std::from_chars(s.data(), end, out);
    return r.ec == std::errc{} && r.ptr == end;
  };
  if (!num(iso.substr(0, 4), y) || !num(iso.substr(5, 2), m) || !num(iso.substr(8, 2), d))
    return std::nullopt;
  const chr::year_month_day day{chr::year{y}, chr::month{m}, chr::day{d}};
  if (!day.ok() || y < 1900 || y > 9999) return std::nullopt;
  return day;
}

chr::year_month_day add_months(chr::year_month_day d, int months) {
  const chr::year_month first = chr::year_month{d.year(), d.month()} + chr::months{months};
  const chr::year_month_day_last last{first.year(), chr::month_day_last{first.month()}};
  return {first.year(), first.month(), std::min(d.day(), last.day())};
}

}  // namespace bulwark::core
