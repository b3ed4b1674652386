#include "api/auth_handlers.hpp"

#include "app/auth_stages.hpp"
#include "app/policies.hpp"
#include "audit/audit_log.hpp"
#include "http/cookies.hpp"
#include "identity/login_throttle.hpp"
#include "identity/sessions.hpp"
#include "identity/users.hpp"
#include "logging/log.hpp"
#include "security/passwords.hpp"

namespace bulwark::api {

namespace {

using domain::users::PasswordChanged;
using logging::Field;

// One answer for unknown email, wrong password, deactivated user and locked
// account, so none of them can be told apart (no enumeration).
ApiError invalid_credentials() {
  return ApiError(ErrorCode::unauthenticated, "the email or password is incorrect",
                  "invalid_credentials");
}

void set_session_cookies(http::Response& res, const identity::NewSession& s,
                         const identity::SessionPolicy& policy) {
  // Max-Age never exceeds 24 h (MUST-004): the absolute lifetime is capped there.
  const long max_age = std::min<long>(policy.absolute_lifetime.count(), 86400);
  res.headers.add("Set-Cookie", http::set_cookie_header({.name = app::kSessionCookie,
                                                         .value = s.token,
                                                         .max_age_seconds = max_age,
                                                         .http_only = true}));
  // Readable by the web app so it can echo it in X-CSRF-Token.
  res.headers.add("Set-Cookie", http::set_cookie_header({.name = app::kCsrfCookie,
                                                         .value = s.csrf_token,
                                                         .max_age_seconds = max_age,
                                                         .http_only = false}));
}

void clear_session_cookies(http::Response& res) {
  res.headers.add(
      "Set-Cookie",
      http::set_cookie_header(
          {.name = app::kSessionCookie, .value = "", .max_age_seconds = 0, .http_only = true}));
  res.headers.add(
      "Set-Cookie",
      http::set_cookie_header(
          {.name = app::kCsrfCookie, .value = "", .max_age_seconds = 0, .http_only = false}));
}

SessionView session_view(const identity::User& u, const identity::Org& org,
                         std::string csrf_token) {
  const std::string role(security::role_name(u.role));
  SessionView v{
      {u.id, u.email, u.name, role}, {org.id, org.slug, org.name}, role, {}, std::move(csrf_token)};
  for (auto p : security::permissions_of(u.role))
    v.permissions.emplace_back(security::permission_name(p));
  return v;
}

}  // namespace

Result<http::Response> login(Ctx& ctx, Body<LoginRequest> in) {
  auto& db = ctx.services.db;
  const auto& config = ctx.services.config;
  const auto email = identity::normalize_email(in.value.email.value);
  const auto& password = in.value.password.value;

  // Per-IP: many failures from one address (across all instances) -> 429.
  const auto ip_key = identity::ip_key(ctx.request.client_ip);
  if (auto wait = identity::locked_for(db, ip_key)) {
    ApiError e(ErrorCode::rate_limited, "too many failed logins from this address; try later",
               "login_rate_limited");
    auto res = error_response(e, ctx.request.request_id);
    res.headers.set("Retry-After", std::to_string(*wait));
    return res;
  }

  const auto account_key = identity::account_key(email);
  const bool locked = identity::locked_for(db, account_key).has_value();
  auto creds = identity::find_credentials(db, email);
  // Always pay for one bcrypt verification, whatever the outcome, so time
  // tells nothing either.
  const std::string& hash = creds ? creds->password_hash : security::dummy_hash(config.bcrypt_cost);
  const bool password_ok = security::verify_password(password, hash);

  if (!creds || !password_ok || locked || !creds->user.active) {
    identity::record_failure(db, account_key, app::account_throttle(config));
    identity::record_failure(db, ip_key, app::ip_throttle(config));
    if (creds) {
      auto entry = ctx.audit_entry("auth.login", "user", std::to_string(creds->user.id));
      entry.org_id = creds->user.org_id;
      entry.actor_id = creds->user.id;
      entry.outcome = "failure";
      audit::append(db, entry);
    }
    logging::info("login failed", {{Field::request_id, ctx.request.request_id},
                                   {Field::client_ip, ctx.request.client_ip}});
    return unexpected(invalid_credentials());
  }

  identity::clear(db, account_key);
  const auto& user = creds->user;
  const auto policy = app::session_policy(config);
  identity::NewSession session;
  db.transaction([&](store::Connection& conn) {
    // Re-hash when the configured cost went up since this hash was made.
    if (security::bcrypt_cost_of(hash) < config.bcrypt_cost)
      identity::set_password_hash(conn, user.org_id, user.id,
                                  security::hash_password(password, config.bcrypt_cost));
    session = identity::create_session(conn, user.id, user.org_id, policy, ctx.request.client_ip);
    auto entry = ctx.audit_entry("auth.login", "user", std::to_string(user.id));
    entry.org_id = user.org_id;
    entry.actor_id = user.id;
    audit::append(conn, entry);
  });
  std::optional<identity::User> current;
  db.with_connection(
      [&](store::Connection& conn) { current = identity::find_user(conn, user.org_id, user.id); });
  const auto org = identity::find_org(db, user.org_id);
  if (!current || !org)
    return unexpected(ApiError(ErrorCode::unauthenticated, "authentication required"));
  auto res = app::raw_json_response(
      200, resource::to_json(session_view(*current, *org, session.csrf_token)));
  set_session_cookies(res, session, policy);
  return res;
}

Result<http::Response> logout(Ctx& ctx) {
  const auto& who = ctx.who();
  ctx.services.db.transaction([&](store::Connection& conn) {
    identity::delete_session(conn, who.session_id);
    audit::append(conn, ctx.audit_entry("auth.logout", "session", std::to_string(who.session_id)));
  });
  http::Response res;
  res.status = 204;
  clear_session_cookies(res);
  return res;
}

Result<SessionView> me(Ctx& ctx) {
  // Everything comes from the session lookup the pipeline already made.
  const auto& who = ctx.who();
  return session_view({who.user_id, who.org_id, who.email, who.name, who.role, true, 0},
                      {who.org_id, who.org_slug, who.org_name, std::nullopt}, who.csrf_token);
}

Result<http::Response> change_password(Ctx& ctx, Body<PasswordChange> in) {
  const auto& who = ctx.who();
  const auto& config = ctx.services.config;
  const auto& current = in.value.current_password.value;
  const auto& next = in.value.new_password.value;

  auto creds = identity::find_credentials(ctx.services.db, who.email);
  if (!creds || creds->user.id != who.user_id)
    return unexpected(ApiError(ErrorCode::unauthenticated, "authentication required"));
  if (!security::verify_password(current, creds->password_hash)) {
    auto entry = ctx.audit_entry("auth.password_changed", "user", std::to_string(who.user_id));
    entry.outcome = "failure";
    audit::append(ctx.services.db, entry);
    return unexpected(ApiError(ErrorCode::validation_failed, "the current password is incorrect",
                               "wrong_current_password", {{"current_password", "is incorrect"}}));
  }
  if (auto problem = security::check_password_policy(next, {who.email, creds->user.name}))
    return unexpected(ApiError(ErrorCode::validation_failed, problem->message, problem->reason,
                               {{"new_password", problem->message}}));

  const auto hash = security::hash_password(next, config.bcrypt_cost);
  const auto policy = app::session_policy(config);
  identity::NewSession session;
  std::int64_t ended = 0;
  ctx.services.db.transaction([&](store::Connection& conn) {
    identity::set_password_hash(conn, who.org_id, who.user_id, hash);
    // Every other session ends; this one gets a fresh token.
    ended = identity::delete_user_sessions(conn, who.user_id);
    session =
        identity::create_session(conn, who.user_id, who.org_id, policy, ctx.request.client_ip);
    auto entry = ctx.audit_entry("auth.password_changed", "user", std::to_string(who.user_id));
    entry.fields = {"password_hash"};
    audit::append(conn, entry);
  });
  auto res = app::raw_json_response(
      200, resource::to_json(PasswordChanged{session.csrf_token, ended - 1}));
  set_session_cookies(res, session, policy);
  return res;
}

}  // namespace bulwark::api
