#pragma once
// The OpenID Connect sign-in (authorization code + PKCE, issue 15 item 4),
// callable from a unit test with no HTTP.
//
// start: the address's domain names the organization (a domain the operator
// verified); a random state, nonce and PKCE verifier are kept server-side
// under the SHA-256 of the state for ten minutes, and the browser is sent to
// the provider. No cookie is set: the provider's return is a cross-site
// navigation on which our SameSite=Strict cookies are not sent anyway.
//
// finish: the state is used up (single use), the code is exchanged with the
// verifier, the ID token verified (identity/oidc), and the person found by
// (issuer, subject) in that organization. A first sign-in links a member
// only when the provider says the email is verified and its domain is one
// the organization verified; without a member, just-in-time provisioning
// (off unless an admin chose a role) or a refusal.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/error.hpp"
#include "core/expected.hpp"
#include "domain/sso/model.hpp"
#include "identity/sessions.hpp"
#include "store/database.hpp"

namespace bulwark::domain::sso {

inline constexpr std::int64_t kLoginLifetimeMs = 10 * 60 * 1000;
inline constexpr std::string_view kCallbackPath = "/api/v1/auth/sso/callback";

std::string redirect_uri(std::string_view public_url);

Expected<SsoStarted, ApiError> start(store::Database& db, std::string_view email,
                                     std::string_view public_url, std::int64_t now);

struct Refused {
  int status = 403;
  std::string message;  // plain words for the person at the browser
  std::string reason;   // for logs and tests
};

// `iss`: the authorization response's issuer parameter when the provider
// sends one (RFC 9207, against mix-up attacks): it must be the provider's.
Expected<identity::NewSession, Refused> finish(store::Database& db, std::string_view code,
                                               std::string_view state,
                                               const std::optional<std::string>& iss,
                                               std::string_view public_url,
                                               const identity::SessionPolicy& policy,
                                               const std::string& client_ip, std::int64_t now);

}  // namespace bulwark::domain::sso
