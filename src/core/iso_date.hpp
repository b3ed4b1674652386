#pragma once
// Calendar dates as the API writes them ("2027-03-15"): the organization's
// local dates of due dates, service plans and aging. Pure; no time zone.
#include <chrono>
#include <optional>
#include <string_view>

namespace bulwark::core {

// The date, or nullopt for anything that is not a real "YYYY-MM-DD" in
// 1900-9999 (2027-02-29 is not a date).
std::optional<std::chrono::year_month_day> parse_iso_date(std::string_view iso);

// `months` later, the day clamped to the month's end (Jan 31 + 1 = Feb 28/29).
std::chrono::year_month_day add_months(std::chrono::year_month_day d, int months);

}  // namespace bulwark::core
