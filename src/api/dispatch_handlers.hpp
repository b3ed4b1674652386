#pragma once
// The dispatcher's board (one week by technician, and the work still to
// plan) and the technician's day. Scheduling itself is a PATCH of the work
// order. The rules live in domain/work_orders/dispatch.cpp.
#include "api/endpoint.hpp"
#include "domain/work_orders/model.hpp"

namespace bulwark::api {

using domain::work_orders::DispatchWeek;
using domain::work_orders::MyDay;

Result<DispatchWeek> dispatch_week(Ctx& ctx);
Result<MyDay> my_day(Ctx& ctx);

}  // namespace bulwark::api
