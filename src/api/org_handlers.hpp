#pragma once
// /api/v1/org: the organization's settings (its time zone). The rules live
// in domain/org/service.cpp.
#include "api/endpoint.hpp"
#include "domain/org/model.hpp"

namespace bulwark::api {

using domain::org::OrgChange;
using domain::org::OrgSettings;

Result<OrgSettings> get_org(Ctx& ctx);
Result<OrgSettings> update_org(Ctx& ctx, Body<OrgChange> in);

}  // namespace bulwark::api
