#include "api/mfa_handlers.hpp"

#include "api/auth_handlers.hpp"
#include "app/auth_stages.hpp"
#include "app/policies.hpp"
#include "domain/users/mfa.hpp"
#include "logging/log.hpp"

namespace bulwark::api {

namespace {

namespace users = domain::users;

users::SignInPolicy sign_in_policy(const Ctx& ctx) {
  const auto& c = ctx.services.config;
  return {c.bcrypt_cost, app::session_policy(c), app::account_throttle(c), app::ip_throttle(c)};
}

// Who is enrolling: the signed-in person (their session and its CSRF token,
// checked here as the pipeline checks a session route's), or the holder of a
// sign-in challenge that may only enrol (the organization requires MFA of
// their role). The routes are public so that the second kind can reach them;
// nothing else passes.
struct Enroller {
  users::MfaAccount account;
  std::optional<users::ChallengeHolder> challenge;
};

Result<Enroller> enroller(Ctx& ctx, const std::optional<users::ChallengeToken>& challenge) {
  if (challenge) {
    BULWARK_TRY(auto holder, users::challenge_holder(ctx.services.db, challenge->value,
                                                     users::ChallengeUse::enroll));
    return Enroller{holder.account, holder};
  }
  auto principal = app::authenticate(ctx.request, ctx.services);
  if (!principal)
    return unexpected(ApiError(ErrorCode::unauthenticated, "authentication required"));
  if (auto ok = app::check_csrf_token(ctx.request, *principal); !ok)
    return unexpected(std::move(ok.error()));
  auto account = users::mfa_account(ctx.services.db, principal->org_id, principal->user_id);
  if (!account) return unexpected(ApiError(ErrorCode::unauthenticated, "authentication required"));
  return Enroller{*account, std::nullopt};
}

audit::Actor actor_of(const Ctx& ctx, const users::MfaAccount& who) {
  audit::Actor a;
  a.org_id = who.org_id;
  a.user_id = who.user_id;
  a.ip = ctx.request.client_ip;
  return a;
}

Result<users::MfaAccount> signed_in_account(Ctx& ctx) {
  const auto& who = ctx.who();
  auto account = users::mfa_account(ctx.services.db, who.org_id, who.user_id);
  if (!account) return unexpected(ApiError(ErrorCode::unauthenticated, "authentication required"));
  return *account;
}

Result<users::TotpEnrollment> enroll(Ctx& ctx, const Body<users::TotpEnrollRequest>& in) {
  BULWARK_TRY(auto who, enroller(ctx, in.value.challenge));
  return users::enroll_totp(ctx.services.db, who.account);
}

Result<http::Response> confirm(Ctx& ctx, const Body<users::TotpConfirm>& in) {
  BULWARK_TRY(auto who, enroller(ctx, in.value.challenge));
  BULWARK_TRY(auto codes, users::confirm_totp(ctx.services.db, actor_of(ctx, who.account),
                                              who.account, in.value.code.value));
  if (!who.challenge) return app::raw_json_response(200, resource::to_json(codes));
  // A forced enrolment: confirming it completes the sign-in.
  const auto policy = sign_in_policy(ctx);
  BULWARK_TRY(auto done, users::finish_enrollment_sign_in(ctx.services.db, *who.challenge,
                                                          ctx.request.client_ip, policy));
  codes.session = done.view;
  auto res = app::raw_json_response(200, resource::to_json(codes));
  set_session_cookies(res, done.session, policy.session);
  note_sign_in_device(ctx, res, done.view.org.id, done.view.user.id, done.session.session_id);
  return res;
}

Result<users::MfaStatus> status(Ctx& ctx) {
  BULWARK_TRY(auto who, signed_in_account(ctx));
  return users::mfa_status(ctx.services.db, who);
}

Result<NoContent> disable(Ctx& ctx, const Body<users::SecondFactor>& in) {
  BULWARK_TRY(auto who, signed_in_account(ctx));
  BULWARK_TRY_VOID(users::disable_totp(ctx.services.db, ctx.actor(), who, in.value));
  return NoContent{};
}

Result<http::Response> verify(Ctx& ctx, const Body<users::MfaVerify>& in) {
  const auto policy = sign_in_policy(ctx);
  auto done = users::verify_sign_in(ctx.services.db, in.value, ctx.request.client_ip, policy);
  if (!done) {
    auto res = error_response(done.error().error, ctx.request.request_id);
    logging::info("second sign-in step failed",
                  {{logging::Field::request_id, ctx.request.request_id},
                   {logging::Field::client_ip, ctx.request.client_ip}});
    return res;
  }
  auto res = signed_in_response(done->view, done->session, policy.session);
  note_sign_in_device(ctx, res, done->view.org.id, done->view.user.id, done->session.session_id);
  return res;
}

Result<users::SteppedUp> step_up(Ctx& ctx, const Body<users::StepUpRequest>& in) {
  // An API client has no person to ask for a factor: step_up routes refuse
  // tokens outright (app/step_up_stage.cpp).
  if (ctx.who().session_id == 0)
    return unexpected(
        ApiError(ErrorCode::forbidden, "only a signed-in person can step up", "session_required"));
  BULWARK_TRY(auto who, signed_in_account(ctx));
  return users::step_up(ctx.services.db, ctx.actor(), who, ctx.who().session_id, in.value,
                        sign_in_policy(ctx));
}

}  // namespace

void add_mfa_routes(http::Router& r) {
  using http::Method;
  // Enrolment takes a session or an enrolment-only sign-in challenge (see
  // enroller()), so the rows are public; the handler admits nobody else.
  auto pre_session = [&](const char* pattern, http::Effect effect, http::Endpoint handler,
                         const char* summary) {
    r.add({.method = Method::post,
           .pattern = pattern,
           .auth = http::Auth::public_access,
           .permission = http::no_permission(),
           .rate = http::RateClass::auth,
           .effect = effect,
           .csrf = http::Csrf::same_origin_only,
           .execution = http::Execution::pool,
           .handler = std::move(handler),
           .summary = summary});
  };
  pre_session("/api/v1/auth/mfa/totp/enroll", http::Effect::changes_state, endpoint<enroll>(),
              "Start TOTP enrolment: a new secret, its otpauth URI and QR code (session, or an "
              "enrolment sign-in challenge)");
  pre_session("/api/v1/auth/mfa/totp/confirm", http::Effect::creates_session, endpoint<confirm>(),
              "Confirm TOTP enrolment with a code: the ten recovery codes, shown once (with a "
              "challenge, also opens the session)");
  pre_session("/api/v1/auth/mfa/verify", http::Effect::creates_session, endpoint<verify>(),
              "The second step of a sign-in: the challenge and a TOTP or recovery code; sets the "
              "session cookie");

  // A person's own account; never an API client (no scope).
  auto own = [&](Method m, const char* pattern, http::Effect effect, http::Csrf csrf,
                 http::Execution execution, http::Endpoint handler, const char* summary) {
    r.add({.method = m,
           .pattern = pattern,
           .auth = http::Auth::session_or_token,
           .permission = http::no_permission(),
           .rate = http::RateClass::standard,
           .effect = effect,
           .csrf = csrf,
           .execution = execution,
           .handler = std::move(handler),
           .summary = summary});
  };
  own(Method::get, "/api/v1/auth/mfa", http::Effect::read_only, http::Csrf::not_applicable,
      http::Execution::pool, endpoint<status>(),
      "Whether two-step sign-in is on, and how many recovery codes are left");
  own(Method::post, "/api/v1/auth/mfa/totp/disable", http::Effect::changes_state,
      http::Csrf::session_token, http::Execution::pool, endpoint<disable>(),
      "Turn two-step sign-in off with a current code or a recovery code");
  // The password pool: people without MFA step up with their password (bcrypt).
  own(Method::post, "/api/v1/auth/step-up", http::Effect::changes_state, http::Csrf::session_token,
      http::Execution::password_pool, endpoint<step_up>(),
      "Prove a fresh factor (code, recovery code, or the password without MFA) for 15 minutes "
      "of step_up routes");
}

}  // namespace bulwark::api
