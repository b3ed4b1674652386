#pragma once
// /api/v1/auth/orgs and /api/v1/auth/switch-org: the organization switcher
// for a person who belongs to several organizations (issue 14 item 4).
#include "api/endpoint.hpp"
#include "domain/users/org_switch.hpp"
#include "http/router.hpp"

namespace bulwark::api {

Result<Items<domain::users::MembershipItem>> list_memberships(Ctx& ctx);
Result<http::Response> switch_org(Ctx& ctx, const Body<domain::users::OrgSwitch>& in);

void add_org_switch_routes(http::Router& r);

}  // namespace bulwark::api
