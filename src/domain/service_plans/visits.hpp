#pragma once
// A visit from a plan (issue 14 item 8): "Schedule visit" makes a work order
// for the plan's site and customer, titled from the plan and linked to it
// (work_orders.service_plan_id). When that work order is completed, the plan
// records the visit itself, in the completion's transaction: next due = the
// completion's local date + the interval (the rule of "Record visit"),
// audited. work_orders.service_plan_visit_on is set once, so completing it
// again after a reopen does not advance the plan twice.
#include <cstdint>

#include "audit/actor.hpp"
#include "core/error.hpp"
#include "core/expected.hpp"
#include "domain/work_orders/model.hpp"
#include "store/org_tx.hpp"

namespace bulwark::domain::service_plans {

// POST /api/v1/service-plans/{id}/visits: the new work order (status open;
// the office schedules it). 404 for another organization's plan; 409
// visit_already_open while a visit of the plan is not yet done or
// cancelled; 409 plan_paused for a paused plan.
Expected<work_orders::WorkOrderView, ApiError> schedule_visit(store::OrgTx& tx,
                                                              const work_orders::Caller& by,
                                                              std::int64_t plan_id,
                                                              std::int64_t now);

// Called by work_orders::transition when a work order becomes completed.
// Does nothing for a work order without a plan or whose visit was recorded.
void record_plan_visit(store::OrgTx& tx, const audit::Actor& by, std::int64_t work_order_id,
                       std::int64_t now);

}  // namespace bulwark::domain::service_plans
