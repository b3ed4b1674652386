#pragma once
// The small part of JOSE an OpenID Connect relying party needs (issue 15
// item 4): base64url, JWS compact serialization, JSON Web Keys (RSA, EC
// P-256) as OpenSSL keys, and signature checks for a fixed allowlist of
// algorithms, RS256 and ES256. Never "none", never HS256 (an HMAC keyed with
// a public key is the classic algorithm-confusion forgery). Everything here
// reads hostile input: a parser returns an error, it never throws.
#include <openssl/types.h>

#include <boost/json/object.hpp>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/expected.hpp"

namespace bulwark::crypto::jose {

// RFC 7515 §2: the URL-safe alphabet, no padding, no other character.
std::optional<std::string> base64url_decode(std::string_view text);
std::string base64url_encode(std::string_view bytes);

enum class JwsAlg { rs256, es256 };

struct Jws {
  JwsAlg alg = JwsAlg::rs256;
  std::string kid;            // empty when the header has none
  std::string signing_input;  // "header.payload" as received
  std::string signature;      // raw bytes
  boost::json::object payload;
};

// Compact serialization with a JSON object payload; refuses any alg outside
// the allowlist, a "crit" header, and oversized tokens.
Expected<Jws, std::string> parse_jws(std::string_view token);

struct PkeyFree {
  void operator()(EVP_PKEY* key) const;
};
using Pkey = std::shared_ptr<EVP_PKEY>;

struct Jwk {
  std::string kid;
  JwsAlg alg = JwsAlg::rs256;  // from kty (RSA → RS256, EC P-256 → ES256)
  Pkey key;
};

// The signing keys of a JWK Set ({"keys": [...]}); keys that are not RSA or
// EC P-256, are marked for encryption ("use": "enc"), or declare an alg
// outside the allowlist are skipped. RSA moduli under 2048 bits are skipped.
Expected<std::vector<Jwk>, std::string> parse_jwks(std::string_view json_text);

// Signature over jws.signing_input with a key of the matching type.
bool verify_signature(const Jws& jws, EVP_PKEY* key);

}  // namespace bulwark::crypto::jose
