// The dispatch board's schedule change: a job onto a technician and a time,
// or back into the unassigned queue, with the warnings the dispatcher sees
// after the drop (overlap, outside working hours). A start in the past is
// refused (422 scheduled_in_the_past): the customer would be texted a
// confirmation for a time already gone; work done already is recorded
// through the work order's edit with notify_customer: false.
#include "domain/work_orders/schedule.hpp"

#include "core/try.hpp"
#include "domain/org/service.hpp"
#include "domain/org/working_hours.hpp"
#include "domain/work_order_status.hpp"
#include "domain/work_orders/repo.hpp"
#include "domain/work_orders/visit_texts.hpp"

namespace bulwark::domain::work_orders {

namespace {

constexpr std::int64_t kHourMs = 3'600'000;
constexpr std::int64_t kPastSlackMs = 15 * 60'000;  // clocks, and a slow drop

// The visit's length when the drop gives no end: what it was, else the
// estimate, else an hour.
std::int64_t length_of(const WorkOrderView& w) {
  if (w.scheduled_start && w.scheduled_end && w.scheduled_end->ms > w.scheduled_start->ms)
    return w.scheduled_end->ms - w.scheduled_start->ms;
  if (w.estimated_hours && *w.estimated_hours > 0)
    return static_cast<std::int64_t>(*w.estimated_hours * static_cast<double>(kHourMs));
  return kHourMs;
}

std::vector<ScheduleWarning> warnings_for(store::OrgTx& tx, std::int64_t id, std::int64_t user,
                                          std::int64_t start, std::int64_t end) {
  std::vector<ScheduleWarning> out;
  for (const auto& o : repo::overlaps(tx, user, id, start, end))
    out.push_back({"overlap", o.id, "WO-" + std::to_string(o.number)});
  if (org::outside_working_hours(org::week_minutes(tx), org::time_zone(tx), start, end))
    out.push_back({"outside_working_hours", {}, {}});
  return out;
}

}  // namespace

Outcome<ScheduleResult> schedule(store::OrgTx& tx, const Caller& by, std::int64_t id,
                                 const Input<ScheduleChange>& in, std::int64_t now) {
  auto current = repo::find(tx, id, std::nullopt);
  if (!current) return unexpected(ApiError(ErrorCode::not_found, "no such work order"));
  auto problems = in.problems;
  const auto& s = in.value();
  if (s.assignee_id && !repo::active_user_exists(tx, s.assignee_id->id))
    problems.emplace("assignee_id", "does not exist");
  BULWARK_TRY_VOID(resource::no_problems(problems));
  const auto status = parse_status(current->status).value_or(WoStatus::open);
  if (is_final(status))
    return unexpected(ApiError(ErrorCode::conflict,
                               "a " + current->status + " work order is not scheduled any more",
                               "not_schedulable"));
  const auto version = s.version.value;
  if (!s.scheduled_start) {  // back to the queue
    const auto next = status == WoStatus::scheduled ? WoStatus::open : status;
    BULWARK_TRY_VOID(repo::set_schedule(tx, id, version, std::nullopt, std::nullopt, std::nullopt,
                                        status_name(next), now));
    if (next != status)
      repo::add_history(tx, id, current->status, status_name(next), by.user_id, now);
    supersede_visit_texts(tx, by, id, "unscheduled", now);
    by.actor.record(tx.connection(), "work_order.unscheduled", "work_order", id,
                    {"assignee_id", "scheduled_start", "scheduled_end"});
    BULWARK_TRY(auto view, get(tx, by, id));
    return ScheduleResult{std::move(view), {}};
  }
  const auto start = s.scheduled_start->ms;
  const auto end = s.scheduled_end ? s.scheduled_end->ms : start + length_of(*current);
  const bool moved = !current->scheduled_start || current->scheduled_start->ms != start;
  if (moved && start < now - kPastSlackMs)
    return unexpected(ApiError(
        ErrorCode::unprocessable, "the start is in the past; pick a time from now on",
        "scheduled_in_the_past", {{"scheduled_start", "is more than 15 minutes in the past"}}));
  const auto next = status == WoStatus::open ? WoStatus::scheduled : status;
  const auto user = s.assignee_id->id;
  BULWARK_TRY_VOID(repo::set_schedule(tx, id, version, user, start, end, status_name(next), now));
  if (next != status)
    repo::add_history(tx, id, current->status, status_name(next), by.user_id, now);
  // The customer is told the new time (what they were told before is
  // withdrawn if still unsent), unless texts are off for this job.
  if (current->notify_customer && next == WoStatus::scheduled && (moved || next != status)) {
    supersede_visit_texts(tx, by, id, "superseded_by_newer_confirmation", now);
    queue_text(tx, id, "confirmation", version + 1, now);
  }
  by.actor.record(tx.connection(), "work_order.scheduled", "work_order", id,
                  {"assignee_id", "scheduled_start", "scheduled_end"});
  auto warnings = warnings_for(tx, id, user, start, end);
  BULWARK_TRY(auto view, get(tx, by, id));
  return ScheduleResult{std::move(view), std::move(warnings)};
}

}  // namespace bulwark::domain::work_orders
