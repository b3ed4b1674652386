#include "core/org_time.hpp"

#include <date/tz.h>

#include <array>
#include <stdexcept>

namespace bulwark::core {

namespace {

using std::chrono::milliseconds;

// The zone, or UTC for a name the database does not know (see the header).
const date::time_zone* zone_or_utc(std::string_view name) {
  try {
    return date::locate_zone(name);
  } catch (const std::runtime_error&) {
    return date::locate_zone("UTC");
  }
}

date::sys_time<milliseconds> sys_of(std::int64_t epoch_ms) {
  return date::sys_time<milliseconds>(milliseconds(epoch_ms));
}

// Local wall time at an instant, to the millisecond.
date::local_time<milliseconds> to_local(const date::time_zone* z, std::int64_t epoch_ms) {
  return z->to_local(sys_of(epoch_ms));
}

// std::chrono's calendar and date's share the day count since 1970-01-01.
date::local_days local_days_of(std::chrono::year_month_day day) {
  return date::local_days(date::days(std::chrono::sys_days(day).time_since_epoch().count()));
}

std::int64_t utc_of(const date::time_zone* z, date::local_time<milliseconds> local) {
  // get_info's `first` is the offset in force before any change at this wall
  // time: the only one when unique, the earlier instant in an overlap, and
  // the pre-gap offset in a gap (02:30 EST on a spring-forward day = 03:30 EDT).
  const auto info = z->get_info(local);
  return (local.time_since_epoch() - info.first.offset).count();
}

constexpr std::array<const char*, 7> kWeekdays = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
constexpr std::array<const char*, 12> kMonths = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                 "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

}  // namespace

bool is_valid_time_zone(std::string_view name) {
  if (name.empty() || name.size() > 64) return false;
  try {
    return date::locate_zone(name) != nullptr;
  } catch (const std::runtime_error&) {
    return false;
  }
}

std::string iso_date(std::chrono::year_month_day day) {
  const date::year_month_day d(local_days_of(day).time_since_epoch() + date::sys_days());
  return date::format("%F", d);
}

std::chrono::year_month_day local_date(std::string_view zone, std::int64_t epoch_ms) {
  const auto days = date::floor<date::days>(to_local(zone_or_utc(zone), epoch_ms));
  return std::chrono::year_month_day(
      std::chrono::sys_days(std::chrono::days(days.time_since_epoch().count())));
}

DayBounds day_bounds(std::string_view zone, std::chrono::year_month_day day) {
  const auto* z = zone_or_utc(zone);
  const auto start = local_days_of(day);
  return {utc_of(z, date::local_time<milliseconds>(start)),
          utc_of(z, date::local_time<milliseconds>(start + date::days(1)))};
}

std::int64_t local_to_utc(std::string_view zone, std::chrono::year_month_day day, int hour,
                          int minute) {
  const auto local = date::local_time<milliseconds>(local_days_of(day)) + std::chrono::hours(hour) +
                     std::chrono::minutes(minute);
  return utc_of(zone_or_utc(zone), local);
}

std::int64_t add_local_days(std::string_view zone, std::int64_t epoch_ms, std::int64_t days) {
  const auto* z = zone_or_utc(zone);
  return utc_of(z, to_local(z, epoch_ms) + date::days(days));
}

std::int64_t add_local_months(std::string_view zone, std::int64_t epoch_ms, std::int64_t months) {
  const auto* z = zone_or_utc(zone);
  const auto local = to_local(z, epoch_ms);
  const auto day = date::floor<date::days>(local);
  const auto time_of_day = local - day;
  const date::year_month_day ymd(day);
  auto moved = ymd + date::months(months);
  if (!moved.ok()) moved = moved.year() / moved.month() / date::last;  // Jan 31 -> Feb 28/29
  return utc_of(z, date::local_days(moved) + time_of_day);
}

int local_hour(std::string_view zone, std::int64_t epoch_ms) {
  const auto local = to_local(zone_or_utc(zone), epoch_ms);
  const auto since_midnight = local - date::floor<date::days>(local);
  return static_cast<int>(date::floor<std::chrono::hours>(since_midnight).count());
}

std::string format_local_date(std::string_view zone, std::int64_t epoch_ms) {
  const auto days = date::floor<date::days>(to_local(zone_or_utc(zone), epoch_ms));
  const date::year_month_day ymd(days);
  const date::weekday wd(days);
  return std::string(kWeekdays[wd.c_encoding()]) + " " +
         kMonths[static_cast<unsigned>(ymd.month()) - 1] + " " +
         std::to_string(static_cast<unsigned>(ymd.day()));
}

std::string format_local_time(std::string_view zone, std::int64_t epoch_ms) {
  const auto local = to_local(zone_or_utc(zone), epoch_ms);
  const auto minutes = date::floor<std::chrono::minutes>(local - date::floor<date::days>(local));
  const int h = static_cast<int>(minutes.count() / 60);
  const int m = static_cast<int>(minutes.count() % 60);
  const int h12 = h % 12 == 0 ? 12 : h % 12;
  std::string out = std::to_string(h12) + ":" + (m < 10 ? "0" : "") + std::to_string(m);
  return out + (h < 12 ? " AM" : " PM");
}

std::string format_local(std::string_view zone, std::int64_t epoch_ms) {
  return format_local_date(zone, epoch_ms) + ", " + format_local_time(zone, epoch_ms);
}

std::int64_t text_window_opens_at(std::string_view zone, std::int64_t epoch_ms) {
  const int hour = local_hour(zone, epoch_ms);
  if (hour >= kTextWindowOpens && hour < kTextWindowCloses) return 0;
  auto day = local_date(zone, epoch_ms);
  if (hour >= kTextWindowCloses) day = std::chrono::sys_days(day) + std::chrono::days(1);
  return local_to_utc(zone, day, kTextWindowOpens, 0);
}

}  // namespace bulwark::core
