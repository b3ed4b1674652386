#include "domain/org/working_hours.hpp"

#include <boost/describe/class.hpp>
#include <charconv>
#include <chrono>

#include "core/org_time.hpp"

namespace bulwark::domain::org {

namespace {

using store::OrgSql;

constexpr OrgSql kHours(
    "SELECT weekday, start_minute, end_minute FROM org_working_hours WHERE org_id = $1 "
    "ORDER BY weekday");
constexpr OrgSql kSetDay(
    "INSERT INTO org_working_hours (org_id, weekday, start_minute, end_minute) "
    "VALUES ($1, $2, $3, $4) ON CONFLICT (org_id, weekday) DO UPDATE SET "
    "start_minute = excluded.start_minute, end_minute = excluded.end_minute");

struct HoursRow {
  std::int64_t weekday = 0, start_minute = 0, end_minute = 0;
};
BOOST_DESCRIBE_STRUCT(HoursRow, (), (weekday, start_minute, end_minute))

constexpr std::array<std::string_view, 7> kDayNames{"monday", "tuesday",  "wednesday", "thursday",
                                                    "friday", "saturday", "sunday"};
constexpr DayMinutes kDefaultOpen{8 * 60, 17 * 60};

// "HH:MM" (00:00 to 24:00) as minutes.
std::optional<int> parse_clock(std::string_view t) {
  if (t.size() != 5 || t[2] != ':') return std::nullopt;
  int h = 0, m = 0;
  if (std::from_chars(t.data(), t.data() + 2, h).ptr != t.data() + 2) return std::nullopt;
  if (std::from_chars(t.data() + 3, t.data() + 5, m).ptr != t.data() + 5) return std::nullopt;
  if (h < 0 || m < 0 || m > 59 || h * 60 + m > 24 * 60) return std::nullopt;
  return h * 60 + m;
}

std::string clock_text(int minutes) {
  const auto two = [](int n) { return std::string(n < 10 ? "0" : "") + std::to_string(n); };
  return two(minutes / 60) + ":" + two(minutes % 60);
}

std::array<const resource::Patch<DayText>*, 7> days_of(const WorkingHoursChange& c) {
  return {&c.monday, &c.tuesday, &c.wednesday, &c.thursday, &c.friday, &c.saturday, &c.sunday};
}

// The instant of a local wall time given in minutes; 24:00 is the next
// local midnight (the day's end, 23 or 25 hours after its start on DST days).
std::int64_t local_instant(std::string_view zone, std::chrono::year_month_day day, int minutes) {
  if (minutes >= 24 * 60) return core::day_bounds(zone, day).end_ms;
  return core::local_to_utc(zone, day, minutes / 60, minutes % 60);
}

}  // namespace

std::optional<DayMinutes> parse_day(std::string_view text) {
  const auto dash = text.find('-');
  if (dash == std::string_view::npos) return std::nullopt;
  const auto start = parse_clock(text.substr(0, dash));
  const auto end = parse_clock(text.substr(dash + 1));
  if (!start || !end || *start >= *end) return std::nullopt;
  return DayMinutes{*start, *end};
}

void validate(const WorkingHoursChange& c, resource::Problems& problems) {
  const auto days = days_of(c);
  for (std::size_t i = 0; i < days.size(); ++i)
    if (days[i]->is_set() && !parse_day(days[i]->value().value))
      problems.emplace(std::string(kDayNames[i]),
                       "must be like 08:00-17:00 (the start before the end), or null for closed");
}

WeekMinutes week_minutes(store::OrgTx& tx) {
  const auto rows = tx.all<HoursRow>(kHours);
  WeekMinutes week{};
  if (rows.empty()) {  // an organization created after migration 0013
    for (int d = 0; d < 5; ++d) week.at(d) = kDefaultOpen;
    return week;
  }
  for (const auto& r : rows)
    if (r.weekday >= 1 && r.weekday <= 7)
      week.at(r.weekday - 1) = {static_cast<int>(r.start_minute), static_cast<int>(r.end_minute)};
  return week;
}

WorkingHours working_hours(store::OrgTx& tx) {
  const auto week = week_minutes(tx);
  WorkingHours out;
  for (std::size_t i = 0; i < week.size(); ++i) {
    const auto& d = week.at(i);
    WorkingDay day{
        static_cast<std::int64_t>(i + 1), std::string(kDayNames.at(i)), d.open(), {}, {}};
    if (d.open()) {
      day.start = clock_text(d.start);
      day.end = clock_text(d.end);
    }
    out.days.push_back(std::move(day));
  }
  return out;
}

Expected<WorkingHours, ApiError> change_working_hours(store::OrgTx& tx, const audit::Actor& by,
                                                      const WorkingHoursChange& in) {
  // All seven rows are written once any day changes, so an organization
  // on the default keeps the days it did not send.
  auto week = week_minutes(tx);
  std::vector<std::string> changed;
  const auto days = days_of(in);
  for (std::size_t i = 0; i < days.size(); ++i) {
    if (days[i]->absent()) continue;
    const DayMinutes next = days[i]->is_set() ? *parse_day(days[i]->value().value) : DayMinutes{};
    if (next.start == week.at(i).start && next.end == week.at(i).end) continue;
    week.at(i) = next;
    changed.emplace_back(kDayNames.at(i));
  }
  if (!changed.empty()) {
    for (std::size_t i = 0; i < week.size(); ++i)
      tx.run(kSetDay, static_cast<std::int64_t>(i + 1), std::int64_t{week.at(i).start},
             std::int64_t{week.at(i).end});
    by.record(tx.connection(), "org.working_hours_changed", "org", tx.org_id(), changed);
  }
  return working_hours(tx);
}

bool outside_working_hours(const WeekMinutes& week, std::string_view zone, std::int64_t start_ms,
                           std::int64_t end_ms) {
  const auto day = core::local_date(zone, start_ms);
  const auto iso = std::chrono::weekday(std::chrono::sys_days(day)).iso_encoding();  // 1..7
  const auto& hours = week.at(iso - 1);
  if (!hours.open()) return true;
  return start_ms < local_instant(zone, day, hours.start) ||
         end_ms > local_instant(zone, day, hours.end);
}

}  // namespace bulwark::domain::org
