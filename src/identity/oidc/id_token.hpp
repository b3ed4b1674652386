#pragma once
// OpenID Connect Core §3.1.3.7: the checks of an ID token received from the
// token endpoint. The signature is checked against the provider's JWKS with
// the key the header's kid names (refetched once when the kid is unknown:
// the provider rotated its keys), then iss, aud (azp when several), exp, iat
// (2 minutes of clock skew) and the nonce stored with the login's state.
#include <chrono>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/expected.hpp"
#include "crypto/jose.hpp"

namespace bulwark::identity::oidc {

// The JOSE pieces live in crypto/ (OpenSSL stays there).
using crypto::jose::base64url_decode;
using crypto::jose::base64url_encode;
using crypto::jose::Jwk;
using crypto::jose::Jws;
using crypto::jose::JwsAlg;
using crypto::jose::parse_jwks;
using crypto::jose::parse_jws;
using crypto::jose::Pkey;
using crypto::jose::verify_signature;

struct IdTokenExpectations {
  std::string issuer;     // exactly as in discovery
  std::string client_id;  // our audience
  std::string nonce;
  std::chrono::system_clock::time_point now;
  std::chrono::seconds skew{120};
};

struct IdClaims {
  std::string issuer;
  std::string subject;
  std::string email;  // empty when absent
  bool email_verified = false;
  std::string name;                                   // empty when absent
  std::chrono::system_clock::time_point auth_time{};  // epoch when absent
};

// Claims check alone (the signature has been verified).
Expected<IdClaims, std::string> check_claims(const boost::json::object& payload,
                                             const IdTokenExpectations& expect);

// Fetches a JWKS document by URI (net::get_json in the server, a fake in tests).
using JwksFetch = std::function<Expected<std::string, std::string>(const std::string& uri)>;

// Keys per JWKS URI, shared by every request. A fetch happens on first use,
// when the cached set is an hour old (a key the provider withdrew stops
// being trusted), and when a token names a kid the cached set lacks (the
// provider rotated its keys): at most once per token, and such refetches at
// most once a minute per URI, so forged kids cannot make us hammer the
// provider.
class JwksCache {
 public:
  explicit JwksCache(JwksFetch fetch) : fetch_(std::move(fetch)) {}
  Expected<Pkey, std::string> key_for(const std::string& jwks_uri, const Jws& jws,
                                      std::chrono::steady_clock::time_point now);

 private:
  struct Entry {
    std::vector<Jwk> keys;
    std::chrono::steady_clock::time_point fetched_at{};
    std::optional<std::chrono::steady_clock::time_point> refetched_at;  // for an unknown kid
  };
  Expected<std::vector<Jwk>, std::string> fetch(const std::string& uri);
  JwksFetch fetch_;
  std::mutex mutex_;
  std::map<std::string, Entry> entries_;
};

// parse_jws → key → signature → claims.
Expected<IdClaims, std::string> verify_id_token(std::string_view token,
                                                const IdTokenExpectations& expect, JwksCache& keys,
                                                const std::string& jwks_uri);

}  // namespace bulwark::identity::oidc
