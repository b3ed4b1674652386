// The dispatcher's board: one week of scheduled work by technician, plus the
// open work that has no date or no technician yet, so it can be planned; and
// the technician's day. Scheduling itself is a change of the work order
// (scheduled_start/end, assignee_id) with its validation and version check.
#include <chrono>

#include "core/org_time.hpp"
#include "domain/org/service.hpp"
#include "domain/work_orders/repo.hpp"
#include "domain/work_orders/service.hpp"

namespace bulwark::domain::work_orders {

namespace {

using std::chrono::sys_days;
using std::chrono::year_month_day;

// Days are the organization's local days (core/org_time): a week's bounds
// come from local midnights, so a DST week is 167 or 169 hours long.
std::string date_text(year_month_day d) { return core::iso_date(d); }

year_month_day plus_days(year_month_day d, int n) { return sys_days(d) + std::chrono::days(n); }

DispatchItem board_item(BoardRow&& r) {
  return {r.id,
          "WO-" + std::to_string(r.number),
          std::move(r.title),
          std::move(r.status),
          std::move(r.priority),
          r.assignee_id,
          r.scheduled_start,
          r.scheduled_end,
          r.due_at,
          std::move(r.customer_name),
          std::move(r.site_address),
          r.version,
          r.customer_confirmed_at};
}

// The Monday of the local week of `now`.
year_month_day this_monday(std::string_view zone, std::int64_t now) {
  const auto today = core::local_date(zone, now);
  const auto since_monday = std::chrono::weekday(sys_days(today)) - std::chrono::Monday;
  return sys_days(today) - since_monday;
}

}  // namespace

Outcome<MyDay> my_day(store::OrgTx& tx, const Caller& by, std::int64_t now) {
  // The technician's today is the organization's local day.
  const auto zone = org::time_zone(tx);
  const auto today = core::local_date(zone, now);
  const auto bounds = core::day_bounds(zone, today);
  MyDay day{date_text(today), {}};
  for (auto& r : repo::day_of(tx, by.user_id, bounds.start_ms, bounds.end_ms))
    day.items.push_back({r.id,
                         "WO-" + std::to_string(r.number),
                         std::move(r.title),
                         std::move(r.status),
                         std::move(r.priority),
                         r.scheduled_start.value_or(Time{}),
                         r.scheduled_end,
                         std::move(r.customer_name),
                         std::move(r.site_address),
                         {},
                         {},
                         {},
                         {},
                         {},
                         false});
  for (auto& item : day.items) add_field_facts(tx, item);  // site, asset, phone, access notes
  return day;
}

Outcome<DispatchWeek> dispatch_week(store::OrgTx& tx, std::optional<year_month_day> start,
                                    std::optional<std::int64_t> assignee, int days,
                                    std::int64_t now) {
  const auto zone = org::time_zone(tx);
  const auto first =
      start.value_or(days == 1 ? core::local_date(zone, now) : this_monday(zone, now));
  const auto from = core::day_bounds(zone, first).start_ms;
  const auto until = core::day_bounds(zone, plus_days(first, days - 1)).end_ms;
  DispatchWeek week;
  week.start = date_text(first);
  for (int d = 0; d < days; ++d) week.days.push_back(date_text(plus_days(first, d)));
  week.technicians = repo::technicians(tx);
  // A week holds at most kMaxBoardItems rows per answer; a dispatcher with
  // more narrows by technician (the answer says when it was cut).
  auto scheduled = repo::scheduled_between(tx, from, until, assignee, repo::kMaxBoardItems + 1);
  week.truncated = scheduled.size() > static_cast<std::size_t>(repo::kMaxBoardItems);
  if (week.truncated) scheduled.resize(repo::kMaxBoardItems);
  for (auto& r : scheduled) week.items.push_back(board_item(std::move(r)));
  for (auto& r : repo::unplanned(tx)) week.unplanned.push_back(board_item(std::move(r)));
  return week;
}

}  // namespace bulwark::domain::work_orders
