// The dispatcher's board: one week of scheduled work by technician, plus the
// open work that has no date or no technician yet, so it can be planned; and
// the technician's day. Scheduling itself is a change of the work order
// (scheduled_start/end, assignee_id) with its validation and version check.
#include "domain/timestamps.hpp"
#include "domain/work_orders/repo.hpp"
#include "domain/work_orders/service.hpp"

namespace bulwark::domain::work_orders {

namespace {

constexpr std::int64_t kDayMs = 86'400'000;
constexpr std::int64_t kWeekMs = 7 * kDayMs;

std::string date_of(std::int64_t ms) { return format_rfc3339(ms).substr(0, 10); }

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

// The Monday of the week of `now` (UTC).
std::int64_t this_monday(std::int64_t now) {
  const auto today = now - now % kDayMs;
  const auto weekday = (today / kDayMs + 3) % 7;  // 1970-01-01 was a Thursday; 0 = Monday
  return today - weekday * kDayMs;
}

}  // namespace

Outcome<MyDay> my_day(store::OrgTx& tx, const Caller& by, std::int64_t now) {
  const auto day_start = now - now % kDayMs;
  MyDay day{date_of(day_start), {}};
  for (auto& r : repo::day_of(tx, by.user_id, day_start, day_start + kDayMs))
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

Outcome<DispatchWeek> dispatch_week(store::OrgTx& tx, std::optional<std::int64_t> start,
                                    std::optional<std::int64_t> assignee, std::int64_t now) {
  const auto from = start.value_or(this_monday(now));
  DispatchWeek week;
  week.start = date_of(from);
  for (int d = 0; d < 7; ++d) week.days.push_back(date_of(from + d * kDayMs));
  week.technicians = repo::technicians(tx);
  // A week holds at most kMaxBoardItems rows per answer; a dispatcher with
  // more narrows by technician (the answer says when it was cut).
  auto scheduled =
      repo::scheduled_between(tx, from, from + kWeekMs, assignee, repo::kMaxBoardItems + 1);
  week.truncated = scheduled.size() > static_cast<std::size_t>(repo::kMaxBoardItems);
  if (week.truncated) scheduled.resize(repo::kMaxBoardItems);
  for (auto& r : scheduled) week.items.push_back(board_item(std::move(r)));
  for (auto& r : repo::unplanned(tx)) week.unplanned.push_back(board_item(std::move(r)));
  return week;
}

}  // namespace bulwark::domain::work_orders
