#include "api/org_handlers.hpp"

#include "api/session_route.hpp"
#include "config/config.hpp"
#include "domain/org/onboarding.hpp"
#include "domain/org/service.hpp"
#include "security/permissions.hpp"
#include "security/roles.hpp"

namespace bulwark::api {

using store::OrgTx;

namespace {

// The labour rate is billing data, shown like the price book's prices.
bool sees_prices(const Ctx& ctx) {
  return security::role_has(ctx.who().role, security::Permission::invoices_manage);
}

}  // namespace

Result<OrgSettings> get_org(Ctx& ctx) {
  const bool prices = sees_prices(ctx);
  return read_org(ctx, [&](OrgTx& tx) { return domain::org::settings(tx, prices); });
}

Result<OrgSettings> update_org(Ctx& ctx, Body<OrgChange> in) {
  const bool prices = sees_prices(ctx);
  return in_org(ctx,
                [&](OrgTx& tx) { return domain::org::change(tx, ctx.actor(), in.value, prices); });
}

Result<domain::org::Onboarding> get_onboarding(Ctx& ctx) {
  const auto& c = ctx.services.config;
  const domain::org::ServerSetup server{c.twilio_configured(), c.stripe_configured(),
                                        c.smtp.configured()};
  return read_org(ctx, [&](OrgTx& tx) { return domain::org::onboarding(tx, server); });
}

void add_org_routes(http::Router& r) {
  using http::Method;
  using security::Permission;
  // Everyone's screens read the time zone; owners and admins change settings.
  add_session_route(
      r, Method::get, "/api/v1/org", Permission::work_orders_read, "org:read", endpoint<get_org>(),
      "The organization's name, time zone and Reply-To address (and labour rate, for those "
      "who see prices)");
  add_session_route(
      r, Method::patch, "/api/v1/org", Permission::settings_manage, "settings:write",
      endpoint<update_org>(),
      "Change the time zone (an IANA name such as America/New_York), the Reply-To address or "
      "the labour rate (audited)");
  add_session_route(
      r, Method::get, "/api/v1/org/onboarding", Permission::settings_manage, "settings:read",
      endpoint<get_onboarding>(),
      "The first-run checklist: time zone, prices, texting, payments, email, team, first job");
}

}  // namespace bulwark::api
