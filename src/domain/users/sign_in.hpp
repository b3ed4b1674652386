#pragma once
// Signing in and changing one's password, callable from a unit test with no
// HTTP (the handlers set the cookies). One answer for unknown email, wrong
// password, deactivated user and locked account, and one bcrypt
// verification whatever the outcome, so neither the answer nor its time
// tells them apart (no enumeration).
#include <optional>
#include <string>

#include "audit/actor.hpp"
#include "core/error.hpp"
#include "core/expected.hpp"
#include "domain/users/auth_model.hpp"
#include "domain/users/mfa_model.hpp"
#include "identity/login_throttle.hpp"
#include "identity/sessions.hpp"
#include "identity/users.hpp"
#include "security/roles.hpp"
#include "store/database.hpp"

namespace bulwark::domain::users {

// The configured policies sign-in follows (app/policies.hpp builds them).
struct SignInPolicy {
  int bcrypt_cost = 12;
  identity::SessionPolicy session;
  identity::ThrottlePolicy account, ip;
};

struct SignedIn {
  identity::NewSession session;  // its token goes in the cookie
  SessionView view;
  // Set instead of a session when the password was right but a second step
  // is needed (issue 15 item 1): MFA is on, or the organization requires it
  // of the role and the person has none yet.
  std::optional<MfaChallenge> second_step = std::nullopt;
};
// A refused login; `retry_after` (seconds) when the address is locked out.
struct LoginRefused {
  ApiError error;
  std::optional<std::int64_t> retry_after;
};

Expected<SignedIn, LoginRefused> log_in(store::Database& db, const LoginRequest& in,
                                        const std::string& client_ip, const SignInPolicy& policy);

// Opens a session for the membership (the last step of every sign-in) and
// audits it as `action`; the view the web app reads.
Expected<SignedIn, ApiError> open_session(store::Database& db, const identity::User& user,
                                          const std::string& client_ip,
                                          const identity::SessionPolicy& policy,
                                          std::string_view action = "auth.login");

// The signed-in person, as the session lookup found them.
struct SignedInUser {
  std::int64_t org_id = 0, user_id = 0;
  std::string email, name;
};
struct NewPassword {
  identity::NewSession session;  // this session's replacement
  PasswordChanged view;
};
// Checks the current password, ends every session of the user and opens a
// new one for the caller.
Expected<NewPassword, ApiError> change_password(store::Database& db, const audit::Actor& by,
                                                const SignedInUser& who, const PasswordChange& in,
                                                const SignInPolicy& policy);

// The view of a signed-in user: their role's permissions and CSRF token.
SessionView session_view(const SessionUser& user, const SessionOrg& org, security::Role role,
                         std::string csrf_token);

}  // namespace bulwark::domain::users
