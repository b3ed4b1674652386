#include "render/format.hpp"

#include <array>
#include <cctype>

#include "core/org_time.hpp"

namespace bulwark::render {

namespace {

std::string upper(std::string_view s) {
  std::string out;
  for (char c : s) out += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

std::string_view symbol(const std::string& code) {
  if (code == "USD" || code == "CAD" || code == "AUD" || code == "NZD" || code == "MXN") return "$";
  if (code == "EUR") return "€";
  if (code == "GBP") return "£";
  return "";
}

std::string grouped(std::uint64_t units) {
  std::string digits = std::to_string(units);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

constexpr std::array<std::string_view, 12> kMonths{"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                   "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

}  // namespace

std::string money(std::int64_t cents, std::string_view currency) {
  const bool negative = cents < 0;
  // Magnitude as unsigned: -INT64_MIN does not fit an int64.
  const std::uint64_t magnitude =
      negative ? static_cast<std::uint64_t>(-(cents + 1)) + 1 : static_cast<std::uint64_t>(cents);
  const auto fraction = magnitude % 100;
  const std::string amount =
      grouped(magnitude / 100) + (fraction < 10 ? ".0" : ".") + std::to_string(fraction);
  const std::string code = upper(currency);
  const std::string_view sign = negative ? "-" : "";
  if (const auto sym = symbol(code); !sym.empty())
    return std::string(sign) + std::string(sym) + amount;
  return code + " " + std::string(sign) + amount;
}

std::string long_date(std::string_view zone, std::int64_t epoch_ms) {
  const auto day = core::local_date(zone, epoch_ms);
  return std::string(kMonths[static_cast<unsigned>(day.month()) - 1]) + " " +
         std::to_string(static_cast<unsigned>(day.day())) + ", " +
         std::to_string(static_cast<int>(day.year()));
}

std::string long_date_time(std::string_view zone, std::int64_t epoch_ms) {
  return long_date(zone, epoch_ms) + ", " + core::format_local_time(zone, epoch_ms);
}

}  // namespace bulwark::render
