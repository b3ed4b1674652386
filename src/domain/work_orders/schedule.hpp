#pragma once
// POST /api/v1/work-orders/{id}/schedule (schedule.cpp): the dispatch
// board's drop, answered with the work order and the warnings.
#include "domain/work_orders/schedule_model.hpp"
#include "domain/work_orders/service.hpp"

namespace bulwark::domain::work_orders {

Outcome<ScheduleResult> schedule(store::OrgTx& tx, const Caller& by, std::int64_t id,
                                 const Input<ScheduleChange>& in, std::int64_t now);

}  // namespace bulwark::domain::work_orders
