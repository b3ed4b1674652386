#pragma once
// Single sign-on with OpenID Connect (issue 15 item 4): what the API reads
// and writes. The provider's client secret is write-only: the view says
// whether one is set, never what it is.
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "resource/fields.hpp"

namespace bulwark::domain::sso {

using resource::Email;
using resource::OneOf;
using resource::Patch;
using resource::Text;
using resource::Time;

// Roles a just-in-time account may get: never owner.
inline constexpr std::array<std::string_view, 4> kJitRoles{"admin", "dispatcher", "technician",
                                                           "viewer"};

struct SsoStart {  // POST /api/v1/auth/sso/start
  Email email;
};
BULWARK_RESOURCE(SsoStart, email)

struct SsoStarted {
  std::string redirect_url;  // the provider's authorization endpoint with our request
};
BULWARK_RESOURCE(SsoStarted, redirect_url)

struct ProviderSettings {  // PUT /api/v1/org/sso
  Text<512> issuer;
  Text<255> client_id;
  std::optional<Text<1024>> client_secret;  // required the first time; omitted keeps it
  Patch<OneOf<kJitRoles>> jit_role;         // null: just-in-time provisioning off
  std::optional<bool> enabled;
};
BULWARK_RESOURCE(ProviderSettings, issuer, client_id, client_secret, jit_role, enabled)

struct DomainView {
  std::string domain;
  Time verified_at;
};
BULWARK_RESOURCE(DomainView, domain, verified_at)

struct ProviderView {  // GET /api/v1/org/sso
  bool configured = false;
  std::string issuer, client_id;
  bool client_secret_set = false;
  std::optional<std::string> jit_role;
  bool enabled = false;
  std::string redirect_uri;  // what to register at the provider
  std::vector<DomainView> domains;
};
BULWARK_RESOURCE(ProviderView, configured, issuer, client_id, client_secret_set, jit_role, enabled,
                 redirect_uri, domains)

}  // namespace bulwark::domain::sso
