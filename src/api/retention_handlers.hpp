#pragma once
// /api/v1/org/retention: the organization's retention periods
// (domain/retention/settings.cpp); owners and admins read and change them.
#include "api/endpoint.hpp"
#include "domain/retention/settings_model.hpp"

namespace bulwark::api {

using domain::retention::RetentionChange;
using domain::retention::RetentionSettings;

Result<RetentionSettings> get_retention(Ctx& ctx);
Result<RetentionSettings> update_retention(Ctx& ctx, Body<RetentionChange> in);

}  // namespace bulwark::api
