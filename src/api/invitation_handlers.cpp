#include "api/invitation_handlers.hpp"

#include <array>

#include "api/auth_handlers.hpp"
#include "api/session_route.hpp"
#include "app/policies.hpp"
#include "config/config.hpp"
#include "domain/invitations/service.hpp"
#include "domain/links/tokens.hpp"
#include "domain/users/sign_in.hpp"
#include "identity/users.hpp"
#include "security/passwords.hpp"
#include "security/permissions.hpp"

namespace bulwark::api {

using store::OrgTx;

namespace {

namespace links = domain::links;
constexpr std::array kInvitation{links::Purpose::invitation};

invitations::Inviter inviter(const Ctx& ctx) { return {ctx.who().user_id, ctx.who().role}; }

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
  const auto& name = body.name.value;
  if (auto problem = security::check_password_policy(body.password.value, {who.email, name}))
    return unexpected(ApiError(ErrorCode::validation_failed, problem->message, problem->reason,
                               {{"password", problem->message}}));
  // bcrypt before the transaction (this route runs on the password pool).
  const auto hash = security::hash_password(body.password.value, ctx.services.config.bcrypt_cost);
  const auto policy = app::session_policy(ctx.services.config);
  const auto& ip = ctx.request.client_ip;
  identity::NewSession session;
  BULWARK_TRY(
      const auto joined,
      store::in_org(db, link.org_id, [&](OrgTx& tx) -> Expected<invitations::Joined, ApiError> {
        BULWARK_TRY(auto j, invitations::accept(tx, link, name, hash, ip, now));
        session = identity::create_session(tx.connection(), j.user_id, link.org_id, policy, ip);
        return j;
      }));
  const auto org = identity::find_org(db, link.org_id);
  if (!org) return unexpected(links::link_not_found());
  const std::string role(security::role_name(joined.role));
  const auto view = domain::users::session_view({joined.user_id, joined.email, joined.name, role},
                                                {org->id, org->slug, org->name, org->time_zone},
                                                joined.role, session.csrf_token);
  return signed_in_response(view, session, policy);
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
         .summary = "Accept an emailed invitation: choose a password and name; creates the "
                    "account and signs in"});
}

}  // namespace bulwark::api
