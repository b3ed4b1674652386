#include "domain/users/org_switch.hpp"

#include "identity/accounts.hpp"
#include "identity/users.hpp"

namespace bulwark::domain::users {

namespace {

std::optional<identity::Account> account_of(store::Database& db, const CurrentSession& who) {
  std::optional<identity::Account> out;
  db.with_connection(
      [&](store::Connection& c) { out = identity::account_of_user(c, who.org_id, who.user_id); });
  return out;
}

ApiError not_a_member() {
  return ApiError(ErrorCode::not_found, "you are not a member of that organization");
}

audit::Actor member(std::int64_t org_id, std::int64_t user_id, const std::string& ip) {
  audit::Actor a;
  a.org_id = org_id;
  a.user_id = user_id;
  a.ip = ip;
  return a;
}

}  // namespace

resource::Items<MembershipItem> memberships(store::Database& db, const CurrentSession& who) {
  resource::Items<MembershipItem> out;
  const auto account = account_of(db, who);
  if (!account) return out;
  std::vector<identity::Membership> all;
  db.with_connection([&](store::Connection& c) { all = identity::memberships_of(c, account->id); });
  for (const auto& m : all) {
    if (!m.active) continue;
    out.items.push_back({m.org_id, m.org_slug, m.org_name, std::string(security::role_name(m.role)),
                         m.org_id == who.org_id});
  }
  return out;
}

Expected<SignedIn, ApiError> switch_org(store::Database& db, const CurrentSession& who,
                                        std::int64_t org_id, const std::string& client_ip,
                                        const identity::SessionPolicy& policy) {
  const auto account = account_of(db, who);
  if (!account) return unexpected(ApiError(ErrorCode::unauthenticated, "authentication required"));
  std::optional<identity::Membership> target;
  identity::NewSession session;
  db.transaction([&](store::Connection& conn) {
    for (const auto& m : identity::memberships_of(conn, account->id))
      if (m.org_id == org_id && m.active) target = m;
    if (!target) return;
    // Each organization's audit log records its own side only: neither
    // learns where the person went or came from.
    identity::delete_session(conn, who.org_id, who.session_id);
    member(who.org_id, who.user_id, client_ip)
        .record(conn, "auth.org_switched_away", "session", who.session_id);
    session = identity::create_session(conn, target->user_id, org_id, policy, client_ip);
    identity::remember_org(conn, account->id, org_id);
    member(org_id, target->user_id, client_ip)
        .record(conn, "auth.org_switched_in", "user", target->user_id);
  });
  if (!target) return unexpected(not_a_member());
  const auto org = identity::find_org(db, org_id);
  std::optional<identity::User> user;
  db.with_connection(
      [&](store::Connection& c) { user = identity::find_user(c, org_id, target->user_id); });
  if (!org || !user) return unexpected(not_a_member());
  const std::string role(security::role_name(user->role));
  auto view =
      session_view({user->id, user->email, user->name, role},
                   {org->id, org->slug, org->name, org->time_zone}, user->role, session.csrf_token);
  return SignedIn{std::move(session), std::move(view)};
}

}  // namespace bulwark::domain::users
