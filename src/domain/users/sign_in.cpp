#include "domain/users/sign_in.hpp"

#include "audit/audit_log.hpp"
#include "identity/accounts.hpp"
#include "identity/clock.hpp"
#include "identity/mfa.hpp"
#include "identity/users.hpp"
#include "security/passwords.hpp"

namespace bulwark::domain::users {

namespace {

ApiError invalid_credentials() {
  return ApiError(ErrorCode::unauthenticated, "the email or password is incorrect",
                  "invalid_credentials");
}

audit::Actor user_actor(const identity::User& u, const std::string& ip) {
  audit::Actor a;
  a.org_id = u.org_id;
  a.user_id = u.id;
  a.ip = ip;
  return a;
}

// A challenge instead of a session when the account has MFA on, or when the
// organization requires it of the role and the account has none yet.
std::optional<MfaChallenge> second_step_of(store::Database& db, const identity::Credentials& creds,
                                           const std::string& client_ip) {
  namespace mfa = identity::mfa;
  std::optional<MfaChallenge> out;
  db.transaction([&](store::Connection& conn) {
    const auto& user = creds.user;
    const bool enabled = mfa::totp_enabled(conn, creds.account_id);
    const bool required =
        !enabled && mfa::role_requires_mfa(conn, user.org_id, security::role_name(user.role));
    if (!enabled && !required) return;
    const auto purpose = enabled ? mfa::Purpose::verify : mfa::Purpose::enroll;
    out = MfaChallenge{enabled, required,
                       mfa::create_challenge(conn, user.id, purpose, identity::now_ms())};
    user_actor(user, client_ip)
        .record(conn, enabled ? "auth.mfa_challenged" : "auth.mfa_enrollment_required", "user",
                user.id);
  });
  return out;
}

}  // namespace

SessionView session_view(const SessionUser& user, const SessionOrg& org, security::Role role,
                         std::string csrf_token) {
  SessionView v{user, org, std::string(security::role_name(role)), {}, std::move(csrf_token),
                false};
  for (auto p : security::permissions_of(role))
    v.permissions.emplace_back(security::permission_name(p));
  return v;
}

Expected<SignedIn, LoginRefused> log_in(store::Database& db, const LoginRequest& in,
                                        const std::string& client_ip, const SignInPolicy& policy) {
  const auto email = identity::normalize_email(in.email.value);
  const auto& password = in.password.value;
  // Per address: many failures from one (across all instances) -> 429.
  const auto ip_key = identity::ip_key(client_ip);
  if (auto wait = identity::locked_for(db, ip_key))
    return unexpected(LoginRefused{
        ApiError(ErrorCode::rate_limited, "too many failed logins from this address; try later",
                 "login_rate_limited"),
        *wait});

  const auto account_key = identity::account_key(email);
  const bool locked = identity::locked_for(db, account_key).has_value();
  auto creds = identity::find_credentials(db, email);
  const std::string& hash = creds ? creds->password_hash : security::dummy_hash(policy.bcrypt_cost);
  const bool password_ok = security::verify_password(password, hash);

  if (!creds || !password_ok || locked || !creds->user.active) {
    identity::record_failure(db, account_key, policy.account);
    identity::record_failure(db, ip_key, policy.ip);
    if (creds) {
      auto entry = user_actor(creds->user, client_ip)
                       .entry("auth.login", "user", std::to_string(creds->user.id));
      entry.outcome = "failure";
      audit::append(db, entry);
    }
    return unexpected(LoginRefused{invalid_credentials(), std::nullopt});
  }

  const auto& user = creds->user;
  // Re-hash when the configured cost went up since this hash was made.
  if (security::bcrypt_cost_of(hash) < policy.bcrypt_cost)
    db.transaction([&](store::Connection& conn) {
      identity::set_password_hash(conn, user.org_id, user.id,
                                  security::hash_password(password, policy.bcrypt_cost));
    });
  // The second step (issue 15 item 1). The failures counted so far stay until
  // it succeeds: a right password must not reset the count of wrong codes.
  if (auto second = second_step_of(db, *creds, client_ip)) {
    SignedIn pending;
    pending.second_step = std::move(*second);
    return pending;
  }
  identity::clear(db, account_key);
  auto opened = open_session(db, user, client_ip, policy.session);
  if (!opened) return unexpected(LoginRefused{std::move(opened.error()), std::nullopt});
  return std::move(*opened);
}

Expected<SignedIn, ApiError> open_session(store::Database& db, const identity::User& user,
                                          const std::string& client_ip,
                                          const identity::SessionPolicy& policy,
                                          std::string_view action) {
  identity::NewSession session;
  db.transaction([&](store::Connection& conn) {
    session = identity::create_session(conn, user.id, user.org_id, policy, client_ip);
    user_actor(user, client_ip).record(conn, std::string(action), "user", user.id);
  });
  const auto org = identity::find_org(db, user.org_id);
  if (!org) return unexpected(ApiError(ErrorCode::unauthenticated, "authentication required"));
  const std::string role(security::role_name(user.role));
  auto view =
      session_view({user.id, user.email, user.name, role},
                   {org->id, org->slug, org->name, org->time_zone}, user.role, session.csrf_token);
  return SignedIn{std::move(session), std::move(view)};
}

Expected<NewPassword, ApiError> change_password(store::Database& db, const audit::Actor& by,
                                                const SignedInUser& who, const PasswordChange& in,
                                                const SignInPolicy& policy) {
  std::optional<identity::Account> account;
  db.with_connection([&](store::Connection& c) {
    account = identity::account_of_user(c, who.org_id, who.user_id);
  });
  if (!account) return unexpected(ApiError(ErrorCode::unauthenticated, "authentication required"));
  if (!security::verify_password(in.current_password.value, account->password_hash)) {
    auto entry = by.entry("auth.password_changed", "user", std::to_string(who.user_id));
    entry.outcome = "failure";
    audit::append(db, entry);
    return unexpected(ApiError(ErrorCode::validation_failed, "the current password is incorrect",
                               "wrong_current_password", {{"current_password", "is incorrect"}}));
  }
  const auto& next = in.new_password.value;
  if (auto problem = security::check_password_policy(next, {who.email, who.name}))
    return unexpected(ApiError(ErrorCode::validation_failed, problem->message, problem->reason,
                               {{"new_password", problem->message}}));

  const auto hash = security::hash_password(next, policy.bcrypt_cost);
  NewPassword out;
  std::int64_t ended = 0;
  db.transaction([&](store::Connection& conn) {
    identity::set_account_password(conn, account->id, hash, identity::now_ms());
    // Every other session ends, in every organization the account belongs
    // to (one password signs in to all of them); this one gets a fresh token.
    ended = identity::delete_account_sessions(conn, account->id);
    out.session = identity::create_session(conn, who.user_id, who.org_id, policy.session, by.ip);
    by.record(conn, "auth.password_changed", "user", who.user_id, {"password_hash"});
  });
  out.view = PasswordChanged{out.session.csrf_token, ended - 1};
  return out;
}

}  // namespace bulwark::domain::users
