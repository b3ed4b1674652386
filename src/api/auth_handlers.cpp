#include "api/auth_handlers.hpp"

#include "app/auth_stages.hpp"
#include "app/policies.hpp"
#include "audit/audit_log.hpp"
#include "domain/users/sign_in.hpp"
#include "http/cookies.hpp"
#include "identity/sessions.hpp"
#include "logging/log.hpp"

namespace bulwark::api {

namespace {

namespace users = domain::users;
using logging::Field;

users::SignInPolicy sign_in_policy(const Ctx& ctx) {
  const auto& c = ctx.services.config;
  return {c.bcrypt_cost, app::session_policy(c), app::account_throttle(c), app::ip_throttle(c)};
}

// The session cookie, and the CSRF token the web app reads to echo it in
// X-CSRF-Token.
void set_cookies(http::Response& res, const std::string& session, const std::string& csrf,
                 long max_age) {
  res.headers.add("Set-Cookie", http::set_cookie_header({.name = app::kSessionCookie,
                                                         .value = session,
                                                         .max_age_seconds = max_age,
                                                         .http_only = true}));
  res.headers.add("Set-Cookie", http::set_cookie_header({.name = app::kCsrfCookie,
                                                         .value = csrf,
                                                         .max_age_seconds = max_age,
                                                         .http_only = false}));
}

template <class View>
http::Response with_session(const View& view, const identity::NewSession& s,
                            const identity::SessionPolicy& policy) {
  auto res = app::raw_json_response(200, resource::to_json(view));
  // Max-Age never exceeds 24 h (MUST-004): the absolute lifetime is capped there.
  set_cookies(res, s.token, s.csrf_token, std::min<long>(policy.absolute_lifetime.count(), 86400));
  return res;
}

}  // namespace

http::Response signed_in_response(const SessionView& view, const identity::NewSession& session,
                                  const identity::SessionPolicy& policy) {
  return with_session(view, session, policy);
}

void set_session_cookies(http::Response& res, const identity::NewSession& session,
                         const identity::SessionPolicy& policy) {
  set_cookies(res, session.token, session.csrf_token,
              std::min<long>(policy.absolute_lifetime.count(), 86400));
}

Result<http::Response> login(Ctx& ctx, const Body<LoginRequest>& in) {
  const auto policy = sign_in_policy(ctx);
  auto done = users::log_in(ctx.services.db, in.value, ctx.request.client_ip, policy);
  if (!done) {
    auto res = error_response(done.error().error, ctx.request.request_id);
    if (done.error().retry_after)
      res.headers.set("Retry-After", std::to_string(*done.error().retry_after));
    else
      logging::info("login failed", {{Field::request_id, ctx.request.request_id},
                                     {Field::client_ip, ctx.request.client_ip}});
    return res;
  }
  return with_session(done->view, done->session, policy.session);
}

Result<http::Response> logout(Ctx& ctx) {
  const auto& who = ctx.who();
  ctx.services.db.transaction([&](store::Connection& conn) {
    identity::delete_session(conn, who.org_id, who.session_id);
    ctx.actor().record(conn, "auth.logout", "session", who.session_id);
  });
  http::Response res;
  res.status = 204;
  set_cookies(res, "", "", 0);
  return res;
}

Result<SessionView> me(Ctx& ctx) {
  // Everything comes from the session lookup the pipeline already made.
  const auto& who = ctx.who();
  const std::string role(security::role_name(who.role));
  return users::session_view({who.user_id, who.email, who.name, role},
                             {who.org_id, who.org_slug, who.org_name, who.org_time_zone}, who.role,
                             who.csrf_token);
}

Result<http::Response> change_password(Ctx& ctx, const Body<PasswordChange>& in) {
  const auto& who = ctx.who();
  const auto policy = sign_in_policy(ctx);
  auto done =
      users::change_password(ctx.services.db, ctx.actor(),
                             {who.org_id, who.user_id, who.email, who.name}, in.value, policy);
  if (!done) return unexpected(std::move(done.error()));
  return with_session(done->view, done->session, policy.session);
}

}  // namespace bulwark::api
