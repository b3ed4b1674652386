#pragma once
// The organization's local time. Stored times are UTC milliseconds; what a
// person sees and every day boundary (My day, reminders "the day before",
// the dispatch board, dashboard weeks and months, quiet hours) is in the
// organization's IANA time zone ("America/New_York"). The tz database
// (Howard Hinnant's date/tz over the OS's /usr/share/zoneinfo) is used in
// org_time.cpp only, so nothing else pays its compile time.
//
// A zone name that is not in the database is treated as UTC here: names are
// validated where they are written (PATCH /org, admin create-org), so an
// unknown one can only come from an edited database.
#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

namespace bulwark::core {

inline constexpr std::string_view kDefaultTimeZone = "UTC";

// True when `name` is a zone of the tz database ("Europe/Paris", "UTC").
bool is_valid_time_zone(std::string_view name);

// The local calendar date at `epoch_ms` in `zone`.
std::chrono::year_month_day local_date(std::string_view zone, std::int64_t epoch_ms);

// "2026-12-02": a local date as the API writes it.
std::string iso_date(std::chrono::year_month_day day);

// A local day as the UTC interval [start_ms, end_ms): 23 hours on the day
// clocks spring forward, 25 on the day they fall back. A day that starts in
// a gap (a zone whose midnight is skipped) starts at the first instant after it.
struct DayBounds {
  std::int64_t start_ms = 0;
  std::int64_t end_ms = 0;
};
DayBounds day_bounds(std::string_view zone, std::chrono::year_month_day day);

// The UTC instant of a local wall time. In a gap (02:30 on a spring-forward
// day) the wall time is read with the offset before the change, i.e. moved
// forward by the gap (03:30 EDT); in an overlap the earlier instant is taken.
std::int64_t local_to_utc(std::string_view zone, std::chrono::year_month_day day, int hour,
                          int minute);

// Calendar arithmetic on the local wall clock: the same local time of day,
// `days` later, or `months` later with the day clamped to the month's end
// (Jan 31 + 1 month = Feb 28/29). Across a DST change the result keeps its
// wall time (09:00 stays 09:00), so the UTC distance is 23 or 25 hours a day;
// a wall time that falls in a gap is moved forward as local_to_utc does.
std::int64_t add_local_days(std::string_view zone, std::int64_t epoch_ms, std::int64_t days);
std::int64_t add_local_months(std::string_view zone, std::int64_t epoch_ms, std::int64_t months);

// Local hour (0-23) at `epoch_ms`.
int local_hour(std::string_view zone, std::int64_t epoch_ms);

// "Tue Dec 2", "3:00 PM" and "Tue Dec 2, 3:00 PM" for a customer's text.
std::string format_local_date(std::string_view zone, std::int64_t epoch_ms);
std::string format_local_time(std::string_view zone, std::int64_t epoch_ms);
std::string format_local(std::string_view zone, std::int64_t epoch_ms);

// Quiet hours: automated texts go out between 08:00 and 21:00 local time.
// Returns 0 when `epoch_ms` is inside the window, else the instant it next
// opens (08:00 local today or tomorrow).
inline constexpr int kTextWindowOpens = 8;
inline constexpr int kTextWindowCloses = 21;
std::int64_t text_window_opens_at(std::string_view zone, std::int64_t epoch_ms);

}  // namespace bulwark::core
