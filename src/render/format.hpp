#pragma once
// How a document writes money and times: integer cents in the invoice's
// currency, dates and times in the organization's zone (core/org_time.hpp).
#include <cstdint>
#include <string>
#include <string_view>

namespace bulwark::render {

// "$1,234.56", "-$5.00", "€12.00", "£3.10"; a currency without a symbol
// here is written by its code ("CHF 12.00"). Integer arithmetic only.
std::string money(std::int64_t cents, std::string_view currency);

// "Dec 2, 2026" and "Dec 2, 2026, 3:05 PM" in the zone.
std::string long_date(std::string_view zone, std::int64_t epoch_ms);
std::string long_date_time(std::string_view zone, std::int64_t epoch_ms);

}  // namespace bulwark::render
