#include "api/auth_handlers.hpp"

#include "app/auth_stages.hpp"
#include "app/policies.hpp"
#include "audit/audit_log.hpp"
#include "domain/users/mfa.hpp"
#include "domain/users/new_device.hpp"
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
  // Max-Age never exceeds 24 h (MUST-004): the absolute lifetime is capped
  // there, and an organization's shorter one (its security policy) wins.
  const long lifetime =
      s.max_age_seconds > 0 ? s.max_age_seconds : policy.absolute_lifetime.count();
  set_cookies(res, s.token, s.csrf_token, std::min<long>(lifetime, 86400));
  return res;
}

// A browser's device cookie (issue 15 item 7): not a credential, only how the
// account recognises a browser it signed in from before; so it outlives any
// session (400 days, the most browsers keep), and is still HttpOnly, Secure
// and SameSite=Strict.
constexpr std::string_view kDeviceCookie = "__Host-device";
constexpr long kDeviceCookieSeconds = 400L * 24 * 3600;

}  // namespace

void note_sign_in_device(Ctx& ctx, http::Response& res, std::int64_t org_id, std::int64_t user_id,
                         std::int64_t session_id) {
  users::SignInDevice in{org_id,
                         user_id,
                         session_id,
                         std::nullopt,
                         {},
                         ctx.request.client_ip,
                         ctx.services.config.public_url};
  if (auto cookies = ctx.request.headers.get("cookie"))
    if (auto v = http::find_cookie(*cookies, kDeviceCookie)) in.cookie = std::string(*v);
  if (auto ua = ctx.request.headers.get("user-agent")) in.user_agent = std::string(*ua);
  try {
    const auto note = users::note_sign_in(ctx.services.db, in, ctx.now_ms());
    if (note.cookie.empty()) return;
    res.headers.add("Set-Cookie", http::set_cookie_header({.name = kDeviceCookie,
                                                           .value = note.cookie,
                                                           .max_age_seconds = kDeviceCookieSeconds,
                                                           .http_only = true}));
  } catch (const std::exception&) {
    // The sign-in stands without its device note; nothing personal is logged.
    logging::warn("the new-device note failed", {{Field::request_id, ctx.request.request_id}});
  }
}

void set_session_cookies(http::Response& res, const identity::NewSession& session,
                         const identity::SessionPolicy& policy) {
  const long lifetime =
      session.max_age_seconds > 0 ? session.max_age_seconds : policy.absolute_lifetime.count();
  set_cookies(res, session.token, session.csrf_token, std::min<long>(lifetime, 86400));
}

http::Response signed_in_response(const SessionView& view, const identity::NewSession& session,
                                  const identity::SessionPolicy& policy) {
  return with_session(view, session, policy);
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
  // The password was right, but a second step comes first: no session yet.
  if (done->second_step) return app::raw_json_response(200, resource::to_json(*done->second_step));
  auto res = with_session(done->view, done->session, policy.session);
  note_sign_in_device(ctx, res, done->view.org.id, done->view.user.id, done->session.session_id);
  return res;
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
  auto view = users::session_view({who.user_id, who.email, who.name, role},
                                  {who.org_id, who.org_slug, who.org_name, who.org_time_zone},
                                  who.role, who.csrf_token);
  if (auto account = users::mfa_account(ctx.services.db, who.org_id, who.user_id))
    view.mfa_enabled = users::mfa_status(ctx.services.db, *account).enabled;
  return view;
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
