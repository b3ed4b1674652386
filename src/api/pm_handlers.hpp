#pragma once
// /api/v1/pm-schedules: preventive-maintenance schedules on a site or asset.
// The rules live in domain/pm/service.cpp.
#include "api/endpoint.hpp"
#include "domain/pm/model.hpp"

namespace bulwark::api {

using domain::pm::NewPmSchedule;
using domain::pm::PmSchedule;
using domain::pm::PmScheduleChange;

Result<Items<PmSchedule>> list_pm_schedules(Ctx& ctx);
Result<Created<PmSchedule>> create_pm_schedule(Ctx& ctx, Body<NewPmSchedule> in);
Result<PmSchedule> update_pm_schedule(Ctx& ctx, PathId id, LateBody<PmScheduleChange> in);

}  // namespace bulwark::api
