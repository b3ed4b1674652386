#pragma once
// Talking to an organization's OpenID provider: discovery (cached), the
// token request (client_secret_basic, with the PKCE verifier), and the
// JWKS cache ID tokens are checked against. Every URL, the issuer's and
// each one discovery names, goes through net::destination_policy.
#include <string>

#include "core/expected.hpp"
#include "identity/oidc/id_token.hpp"

namespace bulwark::domain::sso {

struct ProviderMeta {
  std::string issuer, authorization_endpoint, token_endpoint, jwks_uri;
};

// The issuer's /.well-known/openid-configuration, whose "issuer" must be
// exactly the configured one (OpenID Connect Discovery §4.3). Cached five
// minutes per issuer. The error is a sentence for an administrator.
Expected<ProviderMeta, std::string> discover(const std::string& issuer);

struct TokenRequest {
  std::string client_id, client_secret, code, code_verifier, redirect_uri;
};
// The ID token of the token endpoint's answer.
Expected<std::string, std::string> exchange_code(const ProviderMeta& meta, const TokenRequest& in);

identity::oidc::JwksCache& jwks_cache();

// Rules a configured issuer URL must meet before it is saved: https, no
// query or fragment, and allowed by the destination policy.
Expected<void, std::string> check_issuer_url(const std::string& issuer);

}  // namespace bulwark::domain::sso
