#pragma once
// /api/v1/pm-schedules: preventive-maintenance schedules on a site or asset.
// The rules live in domain/pm/service.cpp.
#include "api/endpoint.hpp"
#include "domain/pm/checklist_plans.hpp"
#include "domain/pm/model.hpp"
#include "http/router.hpp"

namespace bulwark::api {

using domain::pm::NewPmSchedule;
using domain::pm::PmSchedule;
using domain::pm::PmScheduleChange;

Result<Items<PmSchedule>> list_pm_schedules(Ctx& ctx);
Result<Created<PmSchedule>> create_pm_schedule(Ctx& ctx, Body<NewPmSchedule> in);
Result<PmSchedule> update_pm_schedule(Ctx& ctx, PathId id, LateBody<PmScheduleChange> in);

// /api/v1/pm-checklists: the named checklist templates PM schedules copy.
Result<Items<domain::pm::ChecklistPlanView>> list_pm_checklists(Ctx& ctx);
Result<Created<domain::pm::ChecklistPlanView>> create_pm_checklist(
    Ctx& ctx, Body<domain::pm::NewChecklistPlan> in);
Result<domain::pm::ChecklistPlanView> add_pm_checklist_item(
    Ctx& ctx, PathId id, LateBody<domain::work_orders::NewChecklistItem> in);

Result<domain::pm::ChecklistPlanView> rename_pm_checklist(
    Ctx& ctx, PathId id, LateBody<domain::pm::NewChecklistPlan> in);
Result<domain::pm::ChecklistPlanView> remove_pm_checklist_item(Ctx& ctx, PathId id,
                                                               PathInt<"item"> item);
Result<NoContent> delete_pm_checklist(Ctx& ctx, PathId id);

// The pm-checklists route rows; added by api::build_router() (the schedules'
// rows are still in routes.cpp).
void add_pm_checklist_routes(http::Router& r);

}  // namespace bulwark::api
