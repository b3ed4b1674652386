#pragma once
// /api/v1/org/working-hours: the organization's working hours per weekday
// (domain/org/working_hours.cpp); everyone reads them, owners and admins set them.
#include "api/endpoint.hpp"
#include "domain/org/working_hours_model.hpp"

namespace bulwark::api {

using domain::org::WorkingHours;
using domain::org::WorkingHoursChange;

Result<WorkingHours> get_working_hours(Ctx& ctx);
Result<WorkingHours> update_working_hours(Ctx& ctx, Body<WorkingHoursChange> in);

}  // namespace bulwark::api
