#include "api/auth_handlers.hpp"

#include <boost/json.hpp>

#include "app/auth_stages.hpp"
#include "app/policies.hpp"
#include "audit/audit_log.hpp"
#include "core/error.hpp"
#include "http/cookies.hpp"
#include "http/json_body.hpp"
#include "http/json_reader.hpp"
#include "identity/login_throttle.hpp"
#include "identity/sessions.hpp"
#include "identity/users.hpp"
#include "logging/log.hpp"
#include "security/passwords.hpp"

namespace bulwark::api {

namespace {

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
  res.headers.add("Set-Cookie", http::set_cookie_header({.name = app::kSessionCookie,
                                                         .value = "",
                                                         .max_age_seconds = 0,
                                                         .http_only = true}));
  res.headers.add("Set-Cookie", http::set_cookie_header({.name = app::kCsrfCookie,
                                                         .value = "",
                                                         .max_age_seconds = 0,
                                                         .http_only = false}));
}

boost::json::array permission_names(security::Role role) {
  boost::json::array out;
  for (auto p : security::permissions_of(role)) out.push_back(boost::json::string(security::permission_name(p)));
  return out;
}

}  // namespace

boost::json::object principal_view(app::RequestContext& ctx, std::int64_t org_id,
                                   std::int64_t user_id) {
  std::optional<identity::User> user;
  ctx.services.db.with_connection(
      [&](store::Connection& conn) { user = identity::find_user(conn, org_id, user_id); });
  auto org = identity::find_org(ctx.services.db, org_id);
  if (!user || !org) throw ApiError(ErrorCode::unauthenticated, "authentication required");
  return {{"user",
           {{"id", user->id}, {"email", user->email}, {"name", user->name},
            {"role", security::role_name(user->role)}}},
          {"org", {{"id", org->id}, {"slug", org->slug}, {"name", org->name}}},
          {"role", security::role_name(user->role)},
          {"permissions", permission_names(user->role)}};
}

http::Response login(app::RequestContext& ctx) {
  auto& db = ctx.services.db;
  const auto& config = ctx.services.config;
  auto body = http::parse_json_object_body(ctx.request);
  http::JsonReader in(body, {"email", "password"});
  auto email = identity::normalize_email(in.required_string("email", 254));
  auto password = in.required_string("password", 1024);
  in.finish();

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
  const std::string& hash =
      creds ? creds->password_hash : security::dummy_hash(config.bcrypt_cost);
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
    throw invalid_credentials();
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
  auto view = principal_view(ctx, user.org_id, user.id);
  view["csrf_token"] = session.csrf_token;
  auto res = app::json_response(200, view);
  set_session_cookies(res, session, policy);
  return res;
}

http::Response logout(app::RequestContext& ctx) {
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

http::Response me(app::RequestContext& ctx) {
  // Everything comes from the session lookup the pipeline already made.
  const auto& who = ctx.who();
  boost::json::object view{
      {"user",
       {{"id", who.user_id}, {"email", who.email}, {"name", who.name},
        {"role", security::role_name(who.role)}}},
      {"org", {{"id", who.org_id}, {"slug", who.org_slug}, {"name", who.org_name}}},
      {"role", security::role_name(who.role)},
      {"permissions", permission_names(who.role)},
      {"csrf_token", who.csrf_token}};
  return app::json_response(200, view);
}

http::Response change_password(app::RequestContext& ctx) {
  const auto& who = ctx.who();
  const auto& config = ctx.services.config;
  auto body = http::parse_json_object_body(ctx.request);
  http::JsonReader in(body, {"current_password", "new_password"});
  auto current = in.required_string("current_password", 1024);
  auto next = in.required_string("new_password", 1024);
  in.finish();

  auto creds = identity::find_credentials(ctx.services.db, who.email);
  if (!creds || creds->user.id != who.user_id) throw ApiError(ErrorCode::unauthenticated, "authentication required");
  if (!security::verify_password(current, creds->password_hash)) {
    auto entry = ctx.audit_entry("auth.password_changed", "user", std::to_string(who.user_id));
    entry.outcome = "failure";
    audit::append(ctx.services.db, entry);
    throw ApiError(ErrorCode::validation_failed, "the current password is incorrect",
                   "wrong_current_password", {{"current_password", "is incorrect"}});
  }
  if (auto problem = security::check_password_policy(next, {who.email, creds->user.name}))
    throw ApiError(ErrorCode::validation_failed, problem->message, problem->reason,
                   {{"new_password", problem->message}});

  const auto hash = security::hash_password(next, config.bcrypt_cost);
  const auto policy = app::session_policy(config);
  identity::NewSession session;
  std::int64_t ended = 0;
  ctx.services.db.transaction([&](store::Connection& conn) {
    identity::set_password_hash(conn, who.org_id, who.user_id, hash);
    // Every other session ends; this one gets a fresh token.
    ended = identity::delete_user_sessions(conn, who.user_id);
    session = identity::create_session(conn, who.user_id, who.org_id, policy, ctx.request.client_ip);
    auto entry = ctx.audit_entry("auth.password_changed", "user", std::to_string(who.user_id));
    entry.fields = {"password_hash"};
    audit::append(conn, entry);
  });
  auto res = app::json_response(200, {{"csrf_token", session.csrf_token},
                                      {"other_sessions_ended", ended - 1}});
  set_session_cookies(res, session, policy);
  return res;
}

}  // namespace bulwark::api
