#include "domain/users/mfa.hpp"

#include "audit/audit_log.hpp"
#include "crypto/random.hpp"
#include "identity/accounts.hpp"
#include "identity/clock.hpp"
#include "identity/login_throttle.hpp"
#include "identity/mfa.hpp"
#include "identity/totp.hpp"
#include "render/qr_svg.hpp"
#include "security/passwords.hpp"
#include "store/org_tx.hpp"

namespace bulwark::domain::users {

namespace {

namespace mfa = identity::mfa;
namespace totp = identity::totp;

constexpr std::string_view kIssuer = "Bulwark";

ApiError invalid_code() {
  return ApiError(ErrorCode::unprocessable, "the code is incorrect or was already used",
                  "invalid_code", {{"code", "is incorrect or was already used"}});
}

ApiError invalid_challenge() {
  return ApiError(ErrorCode::unauthenticated, "the sign-in has expired; sign in again",
                  "mfa_challenge_invalid");
}

std::int64_t now_seconds() { return identity::now_ms() / 1000; }

// Digits only: authenticator apps show "123 456".
std::string digits_of(std::string_view code) {
  std::string out;
  for (char c : code)
    if (c != ' ') out += c;
  return out;
}

enum class FactorUsed { none, code, recovery_code };

// Checks a TOTP code (each step once) or a recovery code (each once) on
// `conn`, inside the caller's transaction.
FactorUsed check_factor(store::Connection& conn, const MfaAccount& who,
                        const std::optional<Code>& code,
                        const std::optional<RecoveryCode>& recovery) {
  if (code) {
    const auto state = mfa::totp_state(conn, who.account_id);
    if (!state.secret) return FactorUsed::none;
    auto step = totp::accept(*state.secret, digits_of(code->value), now_seconds(), state.last_step);
    if (step && mfa::accept_step(conn, who.account_id, *step)) return FactorUsed::code;
    return FactorUsed::none;
  }
  if (recovery && mfa::use_recovery_code(conn, who.account_id, recovery->value, identity::now_ms()))
    return FactorUsed::recovery_code;
  return FactorUsed::none;
}

audit::Actor member_actor(const MfaAccount& who, const std::string& ip) {
  audit::Actor a;
  a.org_id = who.org_id;
  a.user_id = who.user_id;
  a.ip = ip;
  return a;
}

// One transaction: the factor is spent only if the caller's change commits.
template <class F>
FactorUsed with_factor(store::Database& db, const audit::Actor& by, const MfaAccount& who,
                       const std::optional<Code>& code, const std::optional<RecoveryCode>& recovery,
                       F&& then) {
  FactorUsed used = FactorUsed::none;
  db.transaction([&](store::Connection& conn) {
    used = check_factor(conn, who, code, recovery);
    if (used == FactorUsed::none) return;
    if (used == FactorUsed::recovery_code)
      by.record(conn, "auth.recovery_code_used", "user", who.user_id);
    then(conn);
  });
  return used;
}

}  // namespace

std::optional<MfaAccount> mfa_account(store::Database& db, std::int64_t org_id,
                                      std::int64_t user_id) {
  std::optional<identity::Account> account;
  db.with_connection(
      [&](store::Connection& c) { account = identity::account_of_user(c, org_id, user_id); });
  if (!account) return std::nullopt;
  return MfaAccount{account->id, org_id, user_id, account->email};
}

MfaStatus mfa_status(store::Database& db, const MfaAccount& who) {
  MfaStatus out;
  db.with_connection([&](store::Connection& c) {
    out.enabled = mfa::totp_enabled(c, who.account_id);
    out.recovery_codes_left = out.enabled ? mfa::recovery_codes_left(c, who.account_id) : 0;
  });
  return out;
}

Expected<TotpEnrollment, ApiError> enroll_totp(store::Database& db, const MfaAccount& who) {
  bool enabled = false;
  const auto secret = crypto::random_bytes(totp::kSecretBytes);
  db.transaction([&](store::Connection& c) {
    enabled = mfa::totp_enabled(c, who.account_id);
    if (!enabled) mfa::set_pending_secret(c, who.account_id, secret);
  });
  if (enabled)
    return unexpected(ApiError(ErrorCode::conflict,
                               "two-step sign-in is already on; turn it off first",
                               "mfa_already_enabled"));
  TotpEnrollment out;
  out.secret = totp::base32(secret);
  out.otpauth_uri = totp::otpauth_uri(kIssuer, who.email, secret);
  auto svg = render::qr_svg(out.otpauth_uri);
  if (!svg) throw std::runtime_error("the enrolment URI does not fit a QR code");
  out.qr_svg = std::move(*svg);
  return out;
}

Expected<RecoveryCodes, ApiError> confirm_totp(store::Database& db, const audit::Actor& by,
                                               const MfaAccount& who, const std::string& code) {
  enum class Outcome { confirmed, nothing_pending, wrong_code } outcome = Outcome::wrong_code;
  RecoveryCodes out;
  db.transaction([&](store::Connection& c) {
    const auto state = mfa::totp_state(c, who.account_id);
    if (!state.pending) {
      outcome = Outcome::nothing_pending;
      return;
    }
    auto step = totp::accept(*state.pending, digits_of(code), now_seconds(), 0);
    if (!step) return;
    mfa::enable_pending(c, who.account_id, *step, identity::now_ms());
    out.recovery_codes = mfa::new_recovery_codes(c, who.account_id, identity::now_ms());
    by.record(c, "auth.mfa_enrolled", "user", who.user_id, {"totp_secret", "recovery_codes"});
    outcome = Outcome::confirmed;
  });
  switch (outcome) {
    case Outcome::confirmed: return out;
    case Outcome::nothing_pending:
      return unexpected(
          ApiError(ErrorCode::conflict, "start the enrolment first", "no_pending_enrollment"));
    case Outcome::wrong_code: return unexpected(invalid_code());
  }
  return unexpected(invalid_code());
}

Expected<void, ApiError> disable_totp(store::Database& db, const audit::Actor& by,
                                      const MfaAccount& who, const SecondFactor& factor) {
  const auto used =
      with_factor(db, by, who, factor.code, factor.recovery_code, [&](store::Connection& c) {
        mfa::disable(c, who.account_id);
        by.record(c, "auth.mfa_disabled", "user", who.user_id, {"totp_secret", "recovery_codes"});
      });
  if (used == FactorUsed::none) {
    auto entry = by.entry("auth.mfa_disabled", "user", std::to_string(who.user_id));
    entry.outcome = "failure";
    audit::append(db, entry);
    return unexpected(invalid_code());
  }
  return {};
}

Expected<SteppedUp, ApiError> step_up(store::Database& db, const audit::Actor& by,
                                      const MfaAccount& who, std::int64_t session_id,
                                      const StepUpRequest& in, const SignInPolicy& policy) {
  bool enabled = false;
  std::optional<identity::Account> account;
  db.with_connection([&](store::Connection& c) {
    enabled = mfa::totp_enabled(c, who.account_id);
    account = identity::account_of_user(c, who.org_id, who.user_id);
  });
  if (!account) return unexpected(ApiError(ErrorCode::unauthenticated, "authentication required"));
  const auto mark = [&](store::Connection& c) {
    mfa::mark_stepped_up(c, who.org_id, session_id, identity::now_ms());
    by.record(c, "auth.step_up", "session", session_id);
  };
  const auto account_key = identity::account_key(identity::normalize_email(account->email));
  if (enabled) {
    if (!in.code && !in.recovery_code)
      return unexpected(ApiError(ErrorCode::unprocessable,
                                 "enter a code from your authenticator app", "mfa_code_required",
                                 {{"code", "is required"}}));
    if (with_factor(db, by, who, in.code, in.recovery_code, mark) == FactorUsed::none) {
      identity::record_failure(db, account_key, policy.account);
      auto entry = by.entry("auth.step_up", "session", std::to_string(session_id));
      entry.outcome = "failure";
      audit::append(db, entry);
      return unexpected(invalid_code());
    }
  } else {
    if (!in.password)
      return unexpected(ApiError(ErrorCode::unprocessable, "enter your password",
                                 "password_required", {{"password", "is required"}}));
    if (!security::verify_password(in.password->value, account->password_hash)) {
      identity::record_failure(db, account_key, policy.account);
      auto entry = by.entry("auth.step_up", "session", std::to_string(session_id));
      entry.outcome = "failure";
      audit::append(db, entry);
      return unexpected(ApiError(ErrorCode::unprocessable, "the password is incorrect",
                                 "wrong_password", {{"password", "is incorrect"}}));
    }
    db.transaction(mark);
  }
  return SteppedUp{kStepUpValidMs / 1000};
}

Expected<ChallengeHolder, ApiError> challenge_holder(store::Database& db, std::string_view token,
                                                     ChallengeUse use) {
  std::optional<mfa::Challenge> challenge;
  std::optional<identity::Membership> member;
  db.with_connection([&](store::Connection& c) {
    challenge = mfa::find_challenge(c, token, identity::now_ms());
    if (challenge) member = mfa::membership_of(c, challenge->user_id);
  });
  const auto wanted = use == ChallengeUse::verify ? mfa::Purpose::verify : mfa::Purpose::enroll;
  if (!challenge || challenge->purpose != wanted || !member || !member->active)
    return unexpected(invalid_challenge());
  auto who = mfa_account(db, member->org_id, member->user_id);
  if (!who) return unexpected(invalid_challenge());
  return ChallengeHolder{challenge->id, *who};
}

Expected<SignedIn, LoginRefused> verify_sign_in(store::Database& db, const MfaVerify& in,
                                                const std::string& client_ip,
                                                const SignInPolicy& policy) {
  const auto refused = [](ApiError e) { return unexpected(LoginRefused{std::move(e), {}}); };
  if (in.code.has_value() == in.recovery_code.has_value())
    return refused(ApiError(ErrorCode::unprocessable, "send a code or a recovery code",
                            "mfa_code_required", {{"code", "is required"}}));
  auto holder = challenge_holder(db, in.challenge.value, ChallengeUse::verify);
  if (!holder) return refused(std::move(holder.error()));
  const auto& who = holder->account;
  const auto account_key = identity::account_key(identity::normalize_email(who.email));
  const auto ip_key = identity::ip_key(client_ip);
  if (auto wait = identity::locked_for(db, account_key)) {
    db.transaction([&](store::Connection& c) { mfa::delete_challenge(c, holder->challenge_id); });
    return unexpected(LoginRefused{invalid_challenge(), std::nullopt});
  }
  const auto by = member_actor(who, client_ip);
  const auto used = with_factor(db, by, who, in.code, in.recovery_code, [&](store::Connection& c) {
    mfa::delete_challenge(c, holder->challenge_id);
  });
  if (used == FactorUsed::none) {
    // Counts toward the login lockout like a wrong password.
    db.transaction([&](store::Connection& c) { mfa::challenge_failed(c, holder->challenge_id); });
    identity::record_failure(db, account_key, policy.account);
    identity::record_failure(db, ip_key, policy.ip);
    auto entry = by.entry("auth.login", "user", std::to_string(who.user_id));
    entry.outcome = "failure";
    audit::append(db, entry);
    return refused(ApiError(ErrorCode::unauthenticated, "the code is incorrect or was already used",
                            "invalid_code"));
  }
  identity::clear(db, account_key);
  std::optional<identity::User> user;
  db.with_connection(
      [&](store::Connection& c) { user = identity::find_user(c, who.org_id, who.user_id); });
  if (!user) return refused(invalid_challenge());
  auto opened = open_session(db, *user, client_ip, policy.session);
  if (!opened) return refused(std::move(opened.error()));
  return std::move(*opened);
}

Expected<SignedIn, ApiError> finish_enrollment_sign_in(store::Database& db,
                                                       const ChallengeHolder& holder,
                                                       const std::string& client_ip,
                                                       const SignInPolicy& policy) {
  const auto& who = holder.account;
  std::optional<identity::User> user;
  db.transaction([&](store::Connection& c) {
    mfa::delete_challenge(c, holder.challenge_id);
    user = identity::find_user(c, who.org_id, who.user_id);
  });
  if (!user) return unexpected(invalid_challenge());
  identity::clear(db, identity::account_key(identity::normalize_email(who.email)));
  return open_session(db, *user, client_ip, policy.session);
}

}  // namespace bulwark::domain::users
