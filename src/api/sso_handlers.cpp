#include "api/sso_handlers.hpp"

#include "api/auth_handlers.hpp"
#include "api/query_params.hpp"
#include "api/session_route.hpp"
#include "app/policies.hpp"
#include "config/config.hpp"
#include "core/html_escape.hpp"
#include "domain/sso/flow.hpp"
#include "domain/sso/settings.hpp"
#include "logging/log.hpp"

namespace bulwark::api {

namespace {

namespace sso = domain::sso;

// The callback is a browser navigation: it answers a page, never JSON. The
// page has no script and no style (the CSP allows neither inline), and its
// meta refresh is a same-origin navigation, so the Strict session cookie
// set here is sent on the next request.
http::Response page(int status, std::string_view title, std::string_view body_html, bool refresh) {
  http::Response res;
  res.status = status;
  res.headers.set("Content-Type", "text/html; charset=utf-8");
  res.headers.set("Cache-Control", "no-store");
  res.body = "<!doctype html>\n";
  res.body += R"(<html lang="en"><head><meta charset="utf-8">)";
  if (refresh) res.body += R"(<meta http-equiv="refresh" content="0;url=/">)";
  res.body += "<title>" + core::html_escape(title) + "</title></head><body>";
  res.body += body_html;
  res.body += "</body></html>\n";
  return res;
}

http::Response refusal(int status, std::string_view message) {
  return page(status, "Sign-in failed",
              "<h1>Sign-in failed</h1><p>" + core::html_escape(message) +
                  R"(</p><p><a href="/login">Back to the sign-in page</a></p>)",
              false);
}

}  // namespace

Result<sso::SsoStarted> start_sso(Ctx& ctx, const Body<sso::SsoStart>& in) {
  return sso::start(ctx.services.db, in.value.email.value, ctx.services.config.public_url,
                    ctx.now_ms());
}

Result<http::Response> sso_callback(Ctx& ctx) {
  std::optional<std::string> code, state, error, iss;
  try {
    const QueryParams q(ctx.request.query);
    code = q.text("code", 2048);
    state = q.text("state", 128);
    error = q.text("error", 100);
    iss = q.text("iss", 512);
  } catch (const ApiError&) {
    return refusal(400, "This sign-in answer is malformed. Start again from the sign-in page.");
  }
  if (error)  // access_denied and the like: the person or the provider said no
    return refusal(403,
                   "Your sign-in provider did not sign you in. Start again from the "
                   "sign-in page.");
  const auto policy = app::session_policy(ctx.services.config);
  auto done =
      sso::finish(ctx.services.db, code.value_or(""), state.value_or(""), iss,
                  ctx.services.config.public_url, policy, ctx.request.client_ip, ctx.now_ms());
  if (!done) {
    logging::info("sso sign-in refused", {{logging::Field::request_id, ctx.request.request_id},
                                          {logging::Field::reason, done.error().reason}});
    return refusal(done.error().status, done.error().message);
  }
  auto res =
      page(200, "Signed in", R"(<p>Signed in. <a href="/">Continue to Bulwark</a></p>)", true);
  set_session_cookies(res, *done, policy);
  return res;
}

Result<sso::ProviderView> get_sso_settings(Ctx& ctx) {
  return sso::view(ctx.services.db, ctx.who().org_id, ctx.services.config.public_url);
}

Result<sso::ProviderView> put_sso_settings(Ctx& ctx, const Body<sso::ProviderSettings>& in) {
  return sso::save(ctx.services.db, ctx.actor(), in.value, ctx.services.config.public_url,
                   ctx.now_ms());
}

void add_sso_routes(http::Router& r) {
  using http::Method;
  // Public: the person is not signed in yet. The start is a POST behind the
  // Origin check (a page elsewhere cannot start sign-ins in our name) at the
  // sign-in rate; it sets no cookie.
  r.add({.method = Method::post,
         .pattern = "/api/v1/auth/sso/start",
         .auth = http::Auth::public_access,
         .permission = http::no_permission(),
         .rate = http::RateClass::auth,
         .effect = http::Effect::changes_state,
         .csrf = http::Csrf::same_origin_only,
         .execution = http::Execution::pool,
         .handler = endpoint<start_sso>(),
         .summary = "Single sign-on: the work email's verified domain names the organization; "
                    "answers the provider's authorization URL (code flow with PKCE)"});
  // The provider sends the browser back with a GET (cross-site: no Strict
  // cookie arrives, and none is needed): the single-use state kept
  // server-side is the credential. It creates the session.
  r.add({.method = Method::get,
         .pattern = "/api/v1/auth/sso/callback",
         .auth = http::Auth::public_access,
         .permission = http::no_permission(),
         .rate = http::RateClass::auth,
         .effect = http::Effect::creates_session,
         .csrf = http::Csrf::not_applicable,
         .execution = http::Execution::pool,
         .handler = endpoint<sso_callback>(),
         .summary = "Single sign-on return from the provider: verifies the ID token, sets the "
                    "session cookie and answers a page that continues to the app"});
  add_session_route(r, Method::get, "/api/v1/org/sso", security::Permission::settings_manage,
                    "settings:read", endpoint<get_sso_settings>(),
                    "The organization's OpenID provider and verified domains (the client "
                    "secret is never returned)");
  r.add({.method = Method::put,
         .pattern = "/api/v1/org/sso",
         .auth = http::Auth::session_or_token,
         .permission = http::requires_permission(security::Permission::settings_manage),
         .rate = http::RateClass::standard,
         .effect = http::Effect::changes_state,
         .csrf = http::Csrf::session_token,
         .execution = http::Execution::pool,
         .handler = endpoint<put_sso_settings>(),
         .summary = "Configure the organization's OpenID provider (issuer, client id and "
                    "secret, just-in-time role or null for off)",
         .scope = "settings:write",
         .step_up = true});
}

}  // namespace bulwark::api
