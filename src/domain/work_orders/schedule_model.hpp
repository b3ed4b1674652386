#pragma once
// The dispatch board's one change: put a job on a technician and a time, or
// back in the unassigned queue (POST /api/v1/work-orders/{id}/schedule).
// The answer carries warnings the dispatcher should see but that do not
// refuse the change: the technician is busy then, or it is outside the
// organization's working hours.
#include <optional>
#include <string>
#include <vector>

#include "domain/work_orders/model.hpp"

namespace bulwark::domain::work_orders {

// assignee_id and scheduled_start together schedule the job; both null (or
// left out) send it back to the queue. scheduled_end defaults to the job's
// current length, else its estimated hours, else one hour.
struct ScheduleChange {
  std::optional<Ref<UserRef>> assignee_id;
  std::optional<Time> scheduled_start, scheduled_end;
  Version version;
};
BULWARK_RESOURCE(ScheduleChange, assignee_id, scheduled_start, scheduled_end, version)

inline void validate(const ScheduleChange& s, resource::Problems& problems) {
  if (s.assignee_id && !s.scheduled_start)
    problems.emplace("scheduled_start", "is required with assignee_id (null for both unassigns)");
  if (s.scheduled_start && !s.assignee_id)
    problems.emplace("assignee_id", "is required with scheduled_start (null for both unassigns)");
  if (s.scheduled_end && !s.scheduled_start)
    problems.emplace("scheduled_end", "needs scheduled_start");
  if (s.scheduled_start && s.scheduled_end && s.scheduled_end->ms <= s.scheduled_start->ms)
    problems.emplace("scheduled_end", "must be after scheduled_start");
}

// code: "overlap" (work_order_id and number name the other job) or
// "outside_working_hours".
struct ScheduleWarning {
  std::string code;
  Omittable<std::int64_t> work_order_id;
  Omittable<std::string> number;  // "WO-1042"
};
BULWARK_RESOURCE(ScheduleWarning, code, work_order_id, number)

struct ScheduleResult {
  WorkOrderView work_order;
  std::vector<ScheduleWarning> warnings;
};
BULWARK_RESOURCE(ScheduleResult, work_order, warnings)

struct OverlapRow {
  std::int64_t id = 0;
  std::int64_t number = 0;
};
BOOST_DESCRIBE_STRUCT(OverlapRow, (), (id, number))

}  // namespace bulwark::domain::work_orders
