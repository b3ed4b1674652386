#pragma once
// Signing in and out: the bodies /api/v1/auth reads and the views it writes.
// The rules (throttling, bcrypt, sessions) live in identity/ and security/.
#include <string>
#include <vector>

#include "resource/fields.hpp"

namespace bulwark::domain::users {

using resource::Text;

struct LoginRequest {  // POST /api/v1/auth/login
  Text<254> email;
  Text<1024> password;
};
BULWARK_RESOURCE(LoginRequest, email, password)

struct PasswordChange {  // POST /api/v1/auth/password
  Text<1024> current_password;
  Text<1024> new_password;
};
BULWARK_RESOURCE(PasswordChange, current_password, new_password)

struct SessionUser {
  std::int64_t id = 0;
  std::string email, name, role;
};
BULWARK_RESOURCE(SessionUser, id, email, name, role)

struct SessionOrg {
  std::int64_t id = 0;
  std::string slug, name;
  std::string time_zone;  // IANA name: every date and time on screen is shown in it
};
BULWARK_RESOURCE(SessionOrg, id, slug, name, time_zone)

// Who is signed in, what they may do, and the CSRF token to echo.
struct SessionView {
  SessionUser user;
  SessionOrg org;
  std::string role;
  std::vector<std::string> permissions;
  std::string csrf_token;
  bool mfa_enabled = false;  // two-step sign-in (issue 15 item 1); filled by GET /auth/me
};
BULWARK_RESOURCE(SessionView, user, org, role, permissions, csrf_token, mfa_enabled)

struct PasswordChanged {
  std::string csrf_token;  // this session's new one
  std::int64_t other_sessions_ended = 0;
};
BULWARK_RESOURCE(PasswordChanged, csrf_token, other_sessions_ended)

}  // namespace bulwark::domain::users
