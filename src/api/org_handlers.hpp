#pragma once
// /api/v1/org: the organization's settings (time zone, Reply-To address,
// labour rate) and the owner's first-run checklist. The rules live in
// domain/org/service.cpp and domain/org/onboarding.cpp.
#include "api/endpoint.hpp"
#include "domain/org/model.hpp"
#include "http/router.hpp"

namespace bulwark::api {

using domain::org::OrgChange;
using domain::org::OrgSettings;

Result<OrgSettings> get_org(Ctx& ctx);
Result<OrgSettings> update_org(Ctx& ctx, Body<OrgChange> in);
Result<domain::org::Onboarding> get_onboarding(Ctx& ctx);

// Their route rows; added by api::build_router().
void add_org_routes(http::Router& r);

}  // namespace bulwark::api
