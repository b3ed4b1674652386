// ID tokens and JWK Sets come from an identity provider an admin typed in:
// hostile input. The JWS parser, the key-set parser and the claims check
// must not crash on any bytes, a parsed token always carries an allowed
// algorithm, and base64url decoding accepts one canonical text per value.
// scripts/fuzz.sh reads each directive as one line: clang-format must not wrap them.
// clang-format off
// fuzz-sources: src/crypto/jose.cpp src/identity/oidc/id_token.cpp src/crypto/random.cpp
// fuzz-libs: -lboost_json -lcrypto -lfmt
// clang-format on
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "identity/oidc/id_token.hpp"

using namespace bulwark::identity::oidc;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  // The same bytes as a key set and as a token.
  auto keys = parse_jwks(text);
  auto jws = parse_jws(text);
  if (jws) {
    if (keys)
      for (const auto& k : *keys) (void)verify_signature(*jws, k.key.get());
    IdTokenExpectations e{
        "https://idp.test", "client", "nonce",
        std::chrono::system_clock::time_point(std::chrono::seconds(1'800'000'000))};
    (void)check_claims(jws->payload, e);
    if (jws->alg != JwsAlg::rs256 && jws->alg != JwsAlg::es256) std::abort();
  }
  // Round trip of the base64url codec.
  auto decoded = base64url_decode(text);
  if (decoded && base64url_encode(*decoded) != text) std::abort();
  return 0;
}
