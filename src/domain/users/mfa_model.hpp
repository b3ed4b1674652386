#pragma once
// Two-step sign-in (issue 15 item 1): the bodies /api/v1/auth/mfa and
// /api/v1/auth/step-up read and the views they write.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/users/auth_model.hpp"
#include "resource/fields.hpp"

namespace bulwark::domain::users {

using Code = Text<16>;          // six digits; room for spaces a person types
using RecoveryCode = Text<64>;  // xxxx-xxxx-xxxx-xxxx
using ChallengeToken = Text<128>;

// POST /api/v1/auth/mfa/totp/enroll: with a session, or with the challenge of
// a sign-in whose organization requires MFA of the person's role.
struct TotpEnrollRequest {
  std::optional<ChallengeToken> challenge;
};
BULWARK_RESOURCE(TotpEnrollRequest, challenge)

struct TotpEnrollment {
  std::string secret;       // base32, for typing into an app by hand
  std::string otpauth_uri;  // what the QR code says
  std::string qr_svg;       // server-drawn SVG of the URI
};
BULWARK_RESOURCE(TotpEnrollment, secret, otpauth_uri, qr_svg)

struct TotpConfirm {  // POST /api/v1/auth/mfa/totp/confirm
  Code code;
  std::optional<ChallengeToken> challenge;
};
BULWARK_RESOURCE(TotpConfirm, code, challenge)

// Shown once. `session` when the confirmation used a sign-in challenge: the
// session it opened (the cookies are set too).
struct RecoveryCodes {
  std::vector<std::string> recovery_codes;
  std::optional<SessionView> session;
};
BULWARK_RESOURCE(RecoveryCodes, recovery_codes, session)

// A current code or an unused recovery code (one of the two).
struct SecondFactor {
  std::optional<Code> code;
  std::optional<RecoveryCode> recovery_code;
};
BULWARK_RESOURCE(SecondFactor, code, recovery_code)

struct MfaVerify {  // POST /api/v1/auth/mfa/verify
  ChallengeToken challenge;
  std::optional<Code> code;
  std::optional<RecoveryCode> recovery_code;
};
BULWARK_RESOURCE(MfaVerify, challenge, code, recovery_code)

struct MfaStatus {  // GET /api/v1/auth/mfa
  bool enabled = false;
  std::int64_t recovery_codes_left = 0;
};
BULWARK_RESOURCE(MfaStatus, enabled, recovery_codes_left)

// A login whose password was right but which needs a second step: no session
// yet. Exactly one of the two flags is true.
struct MfaChallenge {
  bool mfa_required = false;             // POST /api/v1/auth/mfa/verify with a code
  bool mfa_enrollment_required = false;  // the organization requires MFA: enrol first
  std::string challenge;
};
BULWARK_RESOURCE(MfaChallenge, mfa_required, mfa_enrollment_required, challenge)

// POST /api/v1/auth/step-up: a code or recovery code when MFA is on, else the password.
struct StepUpRequest {
  std::optional<Code> code;
  std::optional<RecoveryCode> recovery_code;
  std::optional<Text<1024>> password;
};
BULWARK_RESOURCE(StepUpRequest, code, recovery_code, password)

struct SteppedUp {
  std::int64_t valid_for_seconds = 0;
};
BULWARK_RESOURCE(SteppedUp, valid_for_seconds)

}  // namespace bulwark::domain::users
