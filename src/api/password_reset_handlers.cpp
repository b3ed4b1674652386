#include "api/password_reset_handlers.hpp"

#include "config/config.hpp"
#include "security/passwords.hpp"

namespace bulwark::api {

Result<http::Response> ask_password_reset(Ctx& ctx, const Body<password_reset::ResetRequest>& in) {
  auto& db = ctx.services.db;
  const auto& ip = ctx.request.client_ip;
  auto asked = password_reset::ask(db, in.value.email.value, ip, ctx.services.config.public_url, {},
                                   ctx.now_ms());
  if (!asked) {
    auto res = error_response(asked.error(), ctx.request.request_id);
    if (auto wait = password_reset::ip_wait(db, ip))
      res.headers.set("Retry-After", std::to_string(*wait));
    return res;
  }
  return app::raw_json_response(202, resource::to_json(*asked));
}

Result<password_reset::ResetDone> confirm_password_reset(
    Ctx& ctx, const Body<password_reset::ResetConfirm>& in) {
  const auto cost = ctx.services.config.bcrypt_cost;
  return password_reset::confirm(
      ctx.services.db, in.value, ctx.request.client_ip, ctx.now_ms(),
      [&](const std::string& password) { return security::hash_password(password, cost); });
}

void add_password_reset_routes(http::Router& r) {
  using http::Method;
  // Public by nature (the person cannot sign in); the Origin check stops a
  // page elsewhere from posting them, like log-in.
  auto open = [&](const char* pattern, http::Endpoint handler, const char* summary) {
    r.add({.method = Method::post,
           .pattern = pattern,
           .auth = http::Auth::public_access,
           .permission = http::no_permission(),
           .rate = http::RateClass::auth,
           .effect = http::Effect::changes_state,
           .csrf = http::Csrf::same_origin_only,
           .execution = http::Execution::password_pool,
           .handler = std::move(handler),
           .summary = summary});
  };
  open("/api/v1/auth/password-reset", endpoint<ask_password_reset>(),
       "Forgot password: 202 for every address; an account gets a single-use 30-minute link "
       "by email");
  open("/api/v1/auth/password-reset/confirm", endpoint<confirm_password_reset>(),
       "Set a new password with an emailed reset link; ends every session of the user");
}

}  // namespace bulwark::api
