#pragma once
// "Forgot password" (issue 14 item 4), callable from a unit test with no
// HTTP. Asking answers the same for every address (the caller answers 202
// whatever happens here): for an active account, a single-use 30-minute
// link (domain/links/tokens.hpp, purpose password_reset) goes by email.
// Asking is throttled per address (quietly: further asks send nothing, and
// the answer stays the same) and per client IP (429). Confirming sets the
// password (zxcvbn rules), ends every session of the user, revokes the
// user's other reset links and is audited. It never signs in and never
// removes a second factor: there is none yet, and when there is, signing in
// after a reset will still ask for it.
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "audit/actor.hpp"
#include "core/error.hpp"
#include "core/expected.hpp"
#include "identity/login_throttle.hpp"
#include "resource/fields.hpp"
#include "store/database.hpp"

namespace bulwark::domain::password_reset {

using resource::Email;
using resource::Text;

inline constexpr std::chrono::minutes kLifetime{30};

struct ResetRequest {  // POST /api/v1/auth/password-reset
  Email email;
};
BULWARK_RESOURCE(ResetRequest, email)

struct ResetAsked {    // its 202 answer, the same for every address
  std::string status;  // "sent_if_known"
};
BULWARK_RESOURCE(ResetAsked, status)

struct ResetConfirm {  // POST /api/v1/auth/password-reset/confirm
  Text<64> token;
  Text<1024, 0> password;
};
BULWARK_RESOURCE(ResetConfirm, token, password)

struct ResetDone {
  bool password_changed = true;
  std::int64_t sessions_ended = 0;
};
BULWARK_RESOURCE(ResetDone, password_changed, sessions_ended)

struct Throttles {
  identity::ThrottlePolicy address{3, std::chrono::seconds(15 * 60), std::chrono::seconds(15 * 60),
                                   std::chrono::seconds(3600)};
  identity::ThrottlePolicy ip{20, std::chrono::seconds(15 * 60), std::chrono::seconds(15 * 60),
                              std::chrono::seconds(3600)};
};

// 429 when the client IP asked too often; otherwise the same success for
// every address.
Expected<ResetAsked, ApiError> ask(store::Database& db, std::string_view email,
                                   const std::string& client_ip, std::string_view public_url,
                                   const Throttles& throttles, std::int64_t now);

// Seconds to wait, for Retry-After, when `ask` refused the IP.
std::optional<std::int64_t> ip_wait(store::Database& db, const std::string& client_ip);

// Sets the password; `hash_password` runs only once the token and the
// password rules passed (bcrypt is slow: no work for a bad token).
template <class Hash>
Expected<ResetDone, ApiError> confirm(store::Database& db, const ResetConfirm& in,
                                      const std::string& client_ip, std::int64_t now,
                                      Hash&& hash_password);

// The pieces `confirm` is made of.
struct Target {
  std::int64_t link_id = 0, org_id = 0, user_id = 0;
  std::string email;
};
Expected<Target, ApiError> check(store::Database& db, const ResetConfirm& in, std::int64_t now);
Expected<ResetDone, ApiError> apply(store::Database& db, const Target& t, const std::string& hash,
                                    const std::string& client_ip, std::int64_t now);

template <class Hash>
Expected<ResetDone, ApiError> confirm(store::Database& db, const ResetConfirm& in,
                                      const std::string& client_ip, std::int64_t now,
                                      Hash&& hash_password) {
  auto target = check(db, in, now);
  if (!target) return unexpected(std::move(target.error()));
  return apply(db, *target, hash_password(in.password.value), client_ip, now);
}

}  // namespace bulwark::domain::password_reset
