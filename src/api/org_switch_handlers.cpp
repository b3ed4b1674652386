#include "api/org_switch_handlers.hpp"

#include "api/auth_handlers.hpp"
#include "app/policies.hpp"

namespace bulwark::api {

namespace {

namespace users = domain::users;

users::CurrentSession current(const Ctx& ctx) {
  const auto& who = ctx.who();
  return {who.org_id, who.user_id, who.session_id};
}

}  // namespace

Result<Items<users::MembershipItem>> list_memberships(Ctx& ctx) {
  return users::memberships(ctx.services.db, current(ctx));
}

Result<http::Response> switch_org(Ctx& ctx, const Body<users::OrgSwitch>& in) {
  // An API client's token belongs to one organization; only a person's
  // session moves (the OAuth issue adds tokens).
  if (ctx.who().session_id == 0)
    return unexpected(
        ApiError(ErrorCode::forbidden, "only a signed-in person can switch", "session_required"));
  const auto policy = app::session_policy(ctx.services.config);
  BULWARK_TRY(auto done, users::switch_org(ctx.services.db, current(ctx), in.value.org_id.value,
                                           ctx.request.client_ip, policy));
  return signed_in_response(done.view, done.session, policy);
}

void add_org_switch_routes(http::Router& r) {
  using http::Method;
  // Any signed-in person, about their own account; never an API client (a
  // token belongs to one organization). The switch replaces the session, so
  // it carries the Origin check and this session's CSRF token.
  auto own = [&](Method m, const char* pattern, http::Effect effect, http::Csrf csrf,
                 http::Endpoint handler, const char* summary) {
    r.add({.method = m,
           .pattern = pattern,
           .auth = http::Auth::session_or_token,
           .permission = http::no_permission(),
           .rate = http::RateClass::standard,
           .effect = effect,
           .csrf = csrf,
           .execution = http::Execution::pool,
           .handler = std::move(handler),
           .summary = summary});
  };
  own(Method::get, "/api/v1/auth/orgs", http::Effect::read_only, http::Csrf::not_applicable,
      endpoint<list_memberships>(), "The organizations your account belongs to (the switcher)");
  own(Method::post, "/api/v1/auth/switch-org", http::Effect::creates_session,
      http::Csrf::session_token, endpoint<switch_org>(),
      "Move to another of your organizations: ends this session and opens one there");
}

}  // namespace bulwark::api
