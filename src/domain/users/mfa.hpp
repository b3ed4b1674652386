#pragma once
// Two-step sign-in and step-up (issue 15 item 1), callable without HTTP: the
// handlers (api/mfa_handlers.cpp) only pick the caller and set cookies.
//
// A TOTP code is accepted once (the account's last accepted step rises
// atomically), one step either side of now. Wrong codes at sign-in count
// toward the login lockout (identity/login_throttle) and a challenge dies at
// its fifth. A password reset changes the password only: MFA stays.
#include <cstdint>
#include <optional>
#include <string>

#include "audit/actor.hpp"
#include "core/error.hpp"
#include "core/expected.hpp"
#include "domain/users/mfa_model.hpp"
#include "domain/users/sign_in.hpp"
#include "store/database.hpp"

namespace bulwark::domain::users {

// How long a step-up counts for step_up routes.
inline constexpr std::int64_t kStepUpValidMs = 15 * 60 * 1000;

// The account behind a membership, and who to name in audit entries.
struct MfaAccount {
  std::int64_t account_id = 0;
  std::int64_t org_id = 0, user_id = 0;
  std::string email;
};
std::optional<MfaAccount> mfa_account(store::Database& db, std::int64_t org_id,
                                      std::int64_t user_id);

MfaStatus mfa_status(store::Database& db, const MfaAccount& who);
Expected<TotpEnrollment, ApiError> enroll_totp(store::Database& db, const MfaAccount& who);
Expected<RecoveryCodes, ApiError> confirm_totp(store::Database& db, const audit::Actor& by,
                                               const MfaAccount& who, const std::string& code);
Expected<void, ApiError> disable_totp(store::Database& db, const audit::Actor& by,
                                      const MfaAccount& who, const SecondFactor& factor);
// A fresh factor for step_up routes: a code (or recovery code) when MFA is on,
// the password otherwise.
Expected<SteppedUp, ApiError> step_up(store::Database& db, const audit::Actor& by,
                                      const MfaAccount& who, std::int64_t session_id,
                                      const StepUpRequest& in, const SignInPolicy& policy);

// The person a live sign-in challenge of `purpose` names; an error (401
// mfa_challenge_invalid) when it is unknown, expired, spent or of the other
// purpose.
enum class ChallengeUse { verify, enroll };
struct ChallengeHolder {
  std::int64_t challenge_id = 0;
  MfaAccount account;
};
Expected<ChallengeHolder, ApiError> challenge_holder(store::Database& db, std::string_view token,
                                                     ChallengeUse use);
// The second step of a sign-in: the challenge and a code or recovery code.
Expected<SignedIn, LoginRefused> verify_sign_in(store::Database& db, const MfaVerify& in,
                                                const std::string& client_ip,
                                                const SignInPolicy& policy);
// A forced enrolment's confirmation: the challenge is spent and a session opens.
Expected<SignedIn, ApiError> finish_enrollment_sign_in(store::Database& db,
                                                       const ChallengeHolder& holder,
                                                       const std::string& client_ip,
                                                       const SignInPolicy& policy);

}  // namespace bulwark::domain::users
