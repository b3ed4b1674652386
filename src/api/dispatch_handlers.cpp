#include "api/dispatch_handlers.hpp"

#include "api/query_params.hpp"
#include "api/work_order_handlers.hpp"
#include "domain/timestamps.hpp"
#include "domain/work_orders/schedule.hpp"

namespace bulwark::api {

namespace wo = domain::work_orders;
using store::OrgTx;

// `start` is a local date (YYYY-MM-DD) in the organization's time zone;
// default: the Monday of this local week (today with days=1). `days`: 7
// (the week view) or 1 (the day view).
Result<DispatchWeek> dispatch_week(Ctx& ctx) {
  QueryParams q(ctx.request.query);
  q.allow_only({"start", "assignee_id", "days"});
  std::optional<std::chrono::year_month_day> start;
  if (auto text = q.text("start", 10)) {
    const auto midnight = domain::parse_rfc3339(*text + "T00:00:00Z");
    if (midnight)  // the calendar date the text names
      start = std::chrono::year_month_day(std::chrono::floor<std::chrono::days>(
          std::chrono::sys_time<std::chrono::milliseconds>(std::chrono::milliseconds(*midnight))));
    if (!start || text->size() != 10)
      return unexpected(ApiError(ErrorCode::validation_failed,
                                 "start must be a date like 2026-11-23", {},
                                 {{"start", "expected YYYY-MM-DD"}}));
  }
  const auto assignee = q.integer("assignee_id", 1, INT64_MAX);
  const auto days = q.integer("days", 1, 7).value_or(7);
  if (days != 1 && days != 7)
    return unexpected(ApiError(ErrorCode::validation_failed, "days is 1 (a day) or 7 (a week)",
                               "invalid_parameter", {{"days", "must be 1 or 7"}}));
  return read_org(ctx, [&](OrgTx& tx) {
    return wo::dispatch_week(tx, start, assignee, static_cast<int>(days), ctx.now_ms());
  });
}

Result<MyDay> my_day(Ctx& ctx) {
  return read_org(ctx, [&](OrgTx& tx) { return wo::my_day(tx, wo_caller(ctx), ctx.now_ms()); });
}

Result<wo::ScheduleResult> schedule_work_order(Ctx& ctx, PathId id,
                                               LateBody<wo::ScheduleChange> in) {
  return in_org(ctx, [&](OrgTx& tx) {
    return wo::schedule(tx, wo_caller(ctx), id, wo_input(in), ctx.now_ms());
  });
}

}  // namespace bulwark::api
