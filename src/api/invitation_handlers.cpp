#include "api/invitation_handlers.hpp"

#include <array>

#include "api/auth_handlers.hpp"
#include "api/session_route.hpp"
#include "app/policies.hpp"
#include "config/config.hpp"
#include "domain/invitations/service.hpp"
#include "domain/links/tokens.hpp"
#include "domain/users/sign_in.hpp"
#include "identity/login_throttle.hpp"
#include "identity/users.hpp"
#include "security/passwords.hpp"
#include "security/permissions.hpp"

namespace bulwark::api {

using store::OrgTx;

namespace {

namespace links = domain::links;
constexpr std::array kInvitation{links::Purpose::invitation};

invitations::Inviter inviter(const Ctx& ctx) { return {ctx.who().user_id, ctx.who().role}; }

// What the invitee proved or chose, checked before the transaction (bcrypt
// runs on this route's password pool). An address that already signs in
// joins with its password, which counts toward its sign-in lockout like a
// log-in: a forwarded invitation is no way to guess it.
Expected<invitations::Acceptance, ApiError> acceptance_of(Ctx& ctx,
                                                          const invitations::AcceptInvitation& body,
                                                          const invitations::Invitee& who) {
  auto& db = ctx.services.db;
  const auto& cfg = ctx.services.config;
  invitations::Acceptance out{body.name.value, std::nullopt, {}};
  if (who.account) {
    const auto key = identity::account_key(who.email);
    if (auto wait = identity::locked_for(db, key))
      return unexpected(ApiError(ErrorCode::rate_limited,
                                 "too many wrong passwords for this account; try later",
                                 "login_rate_limited"));
    if (!security::verify_password(body.password.value, who.account->password_hash)) {
      identity::record_failure(db, key, app::account_throttle(cfg));
      identity::record_failure(db, identity::ip_key(ctx.request.client_ip), app::ip_throttle(cfg));
      return unexpected(ApiError(ErrorCode::unauthenticated,
                                 "that is not the password of your Bulwark account",
                                 "invalid_credentials", {{"password", "is incorrect"}}));
    }
    identity::clear(db, key);
    out.account_id = who.account->id;
    return out;
  }
  if (auto problem = security::check_password_policy(body.password.value, {who.email, out.name}))
    return unexpected(ApiError(ErrorCode::validation_failed, problem->message, problem->reason,
                               {{"password", problem->message}}));
  out.password_hash = security::hash_password(body.password.value, cfg.bcrypt_cost);
  return out;
}

}  // namespace

Result<Accepted<invitations::InvitationAnswer>> create_user(
    Ctx& ctx, const Body<invitations::NewInvitation>& in) {
  return accepted(in_org(ctx, [&](OrgTx& tx) {
    return invitations::invite(tx, ctx.actor(), inviter(ctx), in.value,
                               ctx.services.config.public_url, ctx.now_ms());
  }));
}

Result<Items<invitations::InvitationItem>> list_invitations(Ctx& ctx) {
  return read_org(ctx, [&](OrgTx& tx) { return invitations::list(tx, ctx.now_ms()); });
}

Result<invitations::InvitationItem> resend_invitation(Ctx& ctx, PathId id) {
  return in_org(ctx, [&](OrgTx& tx) {
    return invitations::resend(tx, ctx.actor(), inviter(ctx), id, ctx.services.config.public_url,
                               ctx.now_ms());
  });
}

Result<invitations::InvitationItem> revoke_invitation(Ctx& ctx, PathId id) {
  return in_org(ctx, [&](OrgTx& tx) {
    return invitations::revoke(tx, ctx.actor(), inviter(ctx), id, ctx.now_ms());
  });
}

Result<invitations::InvitationPage> show_invitation(Ctx& ctx) {
  // The token is never logged: the access log records the route's pattern.
  BULWARK_TRY(auto link,
              links::resolve(ctx.services.db, ctx.params.text("token"), kInvitation, ctx.now_ms()));
  return store::read_org(ctx.services.db, link.org_id,
                         [&](OrgTx& tx) { return invitations::show(tx, link); });
}

Result<http::Response> accept_invitation(Ctx& ctx, const Body<invitations::AcceptInvitation>& in) {
  auto& db = ctx.services.db;
  const auto now = ctx.now_ms();
  const auto& body = in.value;
  BULWARK_TRY(auto link, links::resolve(db, body.token.value, kInvitation, now));
  BULWARK_TRY(const auto who, store::read_org(db, link.org_id, [&](OrgTx& tx) {
                return invitations::invitee(tx, link);
              }));
  BULWARK_TRY(auto acceptance, acceptance_of(ctx, body, who));
  const auto policy = app::session_policy(ctx.services.config);
  const auto& ip = ctx.request.client_ip;
  identity::NewSession session;
  BULWARK_TRY(
      const auto joined,
      store::in_org(db, link.org_id, [&](OrgTx& tx) -> Expected<invitations::Joined, ApiError> {
        BULWARK_TRY(auto j, invitations::accept(tx, link, acceptance, ip, now));
        session = identity::create_session(tx.connection(), j.user_id, link.org_id, policy, ip);
        return j;
      }));
  const auto org = identity::find_org(db, link.org_id);
  if (!org) return unexpected(links::link_not_found());
  const std::string role(security::role_name(joined.role));
  const auto view = domain::users::session_view({joined.user_id, joined.email, joined.name, role},
                                                {org->id, org->slug, org->name, org->time_zone},
                                                joined.role, session.csrf_token);
  auto res = signed_in_response(view, session, policy);
  note_sign_in_device(ctx, res, org->id, joined.user_id, session.session_id);
  return res;
}

void add_invitation_routes(http::Router& r) {
  using http::Method;
  // Admins (users.manage), like the other users rows.
  auto office = [&](Method m, const char* pattern, std::string_view scope, http::Endpoint handler,
                    const char* summary) {
    add_session_route(r, m, pattern, security::Permission::users_manage, scope, std::move(handler),
                      summary);
  };
  office(Method::get, "/api/v1/invitations", "users:read", endpoint<list_invitations>(),
         "The organization's invitations, newest first (pending, accepted, revoked, expired)");
  office(Method::post, "/api/v1/invitations/{id:int}/resend", "users:write",
         endpoint<resend_invitation>(),
         "Send a pending invitation again, with a new link (the old one stops working)");
  office(Method::post, "/api/v1/invitations/{id:int}/revoke", "users:write",
         endpoint<revoke_invitation>(), "Revoke a pending invitation (its link stops working)");

  // Public (MUST-001's explicit exceptions): the emailed token is the
  // credential. Showing is a GET that changes nothing; accepting carries the
  // Origin check (a page elsewhere cannot post it) and the sign-in rate class.
  r.add({.method = Method::get,
         .pattern = "/api/v1/invitations/link/{token:token}",
         .auth = http::Auth::public_access,
         .permission = http::no_permission(),
         .rate = http::RateClass::customer_link,
         .effect = http::Effect::read_only,
         .csrf = http::Csrf::not_applicable,
         .execution = http::Execution::pool,
         .handler = endpoint<show_invitation>(),
         .summary = "What an emailed invitation is: the organization, the address and the role "
                    "(no sign-in)"});
  r.add({.method = Method::post,
         .pattern = "/api/v1/invitations/accept",
         .auth = http::Auth::public_access,
         .permission = http::no_permission(),
         .rate = http::RateClass::auth,
         .effect = http::Effect::creates_session,
         .csrf = http::Csrf::same_origin_only,
         .execution = http::Execution::password_pool,
         .handler = endpoint<accept_invitation>(),
         .summary = "Accept an emailed invitation: choose a password and name (or, for an "
                    "address that already signs in, give its password); signs in"});
}

}  // namespace bulwark::api
