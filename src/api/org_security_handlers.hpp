#pragma once
// /api/v1/org/security: the organization's security policy (issue 15 item 2:
// session lifetimes, IP allowlist, new members' email domains). Owners only,
// after a fresh second factor (step-up); every change is audited.
#include "api/endpoint.hpp"
#include "domain/org/security_policy_model.hpp"
#include "http/router.hpp"

namespace bulwark::api {

Result<domain::org::SecurityPolicy> get_security_policy(Ctx& ctx);
Result<domain::org::SecurityPolicy> put_security_policy(
    Ctx& ctx, const Body<domain::org::SecurityPolicyChange>& in);

void add_org_security_routes(http::Router& r);

}  // namespace bulwark::api
