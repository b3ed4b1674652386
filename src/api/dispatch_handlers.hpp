#pragma once
// The dispatcher's board (one week by technician, and the work still to
// plan) and the technician's day; the board's drop (schedule). The rules
// live in domain/work_orders/dispatch.cpp and schedule.cpp.
#include "api/endpoint.hpp"
#include "domain/work_orders/model.hpp"
#include "domain/work_orders/schedule_model.hpp"

namespace bulwark::api {

using domain::work_orders::DispatchWeek;
using domain::work_orders::MyDay;

Result<DispatchWeek> dispatch_week(Ctx& ctx);
Result<MyDay> my_day(Ctx& ctx);
Result<domain::work_orders::ScheduleResult> schedule_work_order(
    Ctx& ctx, PathId id, LateBody<domain::work_orders::ScheduleChange> in);

}  // namespace bulwark::api
