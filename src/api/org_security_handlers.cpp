#include "api/org_security_handlers.hpp"

#include "api/session_route.hpp"
#include "config/config.hpp"
#include "domain/org/security_policy.hpp"

namespace bulwark::api {

namespace {

namespace org = domain::org;
using store::OrgTx;

org::ServerSessionLimits server_limits(const Ctx& ctx) {
  using std::chrono::duration_cast;
  using std::chrono::seconds;
  const auto& c = ctx.services.config;
  return {duration_cast<seconds>(c.session_idle_timeout),
          duration_cast<seconds>(c.session_lifetime)};
}

// Admins hold settings_manage too; the security policy is the owner's alone
// (the CMMS policy: "owners"), like ownership itself.
Expected<void, ApiError> owner_only(const Ctx& ctx) {
  if (ctx.who().role == security::Role::owner) return {};
  return unexpected(ApiError(ErrorCode::forbidden,
                             "only an owner changes the organization's security policy",
                             "owner_required"));
}

}  // namespace

Result<org::SecurityPolicy> get_security_policy(Ctx& ctx) {
  const auto limits = server_limits(ctx);
  return read_org(
      ctx, [&](OrgTx& tx) { return org::security_policy(tx, limits, ctx.request.client_ip); });
}

Result<org::SecurityPolicy> put_security_policy(Ctx& ctx,
                                                const Body<org::SecurityPolicyChange>& in) {
  BULWARK_TRY_VOID(owner_only(ctx));
  const auto limits = server_limits(ctx);
  return in_org(ctx, [&](OrgTx& tx) {
    return org::change_security_policy(tx, ctx.actor(), in.value, limits, ctx.request.client_ip);
  });
}

void add_org_security_routes(http::Router& r) {
  using http::Method;
  // Admins may read it (they invite people and should know the domain rule);
  // the change is the owner's and needs a fresh second factor.
  add_session_route(r, Method::get, "/api/v1/org/security", security::Permission::settings_manage,
                    "settings:read", endpoint<get_security_policy>(),
                    "The organization's security policy: session lifetimes, IP allowlist, "
                    "allowed email domains, roles that must use two-step sign-in");
  // The change is a full row: add_session_route has no step-up column.
  r.add({.method = Method::put,
         .pattern = "/api/v1/org/security",
         .auth = http::Auth::session_or_token,
         .permission = http::requires_permission(security::Permission::settings_manage),
         .rate = http::RateClass::standard,
         .effect = http::Effect::changes_state,
         .csrf = http::Csrf::session_token,
         .execution = http::Execution::pool,
         .handler = endpoint<put_security_policy>(),
         .summary = "Change the security policy (owners; step-up; members left out keep their "
                    "value; an allowlist must include your own address)",
         .scope = "settings:write",
         .step_up = true});
}

}  // namespace bulwark::api
