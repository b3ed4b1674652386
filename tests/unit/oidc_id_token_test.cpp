// ID token verification (issue 15 item 4) with keys made here through
// OpenSSL: a valid RS256 and ES256 token passes; a forged signature, "none",
// HS256 keyed with the public key, the wrong audience, issuer or nonce, and
// an expired token are refused; an unknown kid refetches the key set once.
#include <gtest/gtest.h>
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <boost/json/serialize.hpp>

#include "identity/oidc/id_token.hpp"

using namespace bulwark::identity::oidc;
namespace json = boost::json;

namespace {

using Key = std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)>;

Key make_rsa() { return {EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", size_t{2048}), EVP_PKEY_free}; }
Key make_ec() { return {EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256"), EVP_PKEY_free}; }

std::string bn_bytes(EVP_PKEY* key, const char* name) {
  BIGNUM* bn = nullptr;
  EXPECT_EQ(EVP_PKEY_get_bn_param(key, name, &bn), 1);
  std::string out(static_cast<std::size_t>(BN_num_bytes(bn)), '\0');
  BN_bn2bin(bn, reinterpret_cast<unsigned char*>(out.data()));
  BN_free(bn);
  return out;
}

std::string bn_fixed(EVP_PKEY* key, const char* name) {
  BIGNUM* bn = nullptr;
  EXPECT_EQ(EVP_PKEY_get_bn_param(key, name, &bn), 1);
  std::string out(32, '\0');
  BN_bn2binpad(bn, reinterpret_cast<unsigned char*>(out.data()), 32);
  BN_free(bn);
  return out;
}

json::object rsa_jwk(EVP_PKEY* key, const std::string& kid) {
  return {{"kty", "RSA"},
          {"kid", kid},
          {"use", "sig"},
          {"n", base64url_encode(bn_bytes(key, OSSL_PKEY_PARAM_RSA_N))},
          {"e", base64url_encode(bn_bytes(key, OSSL_PKEY_PARAM_RSA_E))}};
}

json::object ec_jwk(EVP_PKEY* key, const std::string& kid) {
  return {{"kty", "EC"},
          {"kid", kid},
          {"crv", "P-256"},
          {"x", base64url_encode(bn_fixed(key, OSSL_PKEY_PARAM_EC_PUB_X))},
          {"y", base64url_encode(bn_fixed(key, OSSL_PKEY_PARAM_EC_PUB_Y))}};
}

std::string sign(EVP_PKEY* key, const std::string& input, bool ec) {
  std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), EVP_MD_CTX_free);
  EXPECT_EQ(EVP_DigestSignInit(ctx.get(), nullptr, EVP_sha256(), nullptr, key), 1);
  std::size_t len = 0;
  EVP_DigestSign(ctx.get(), nullptr, &len, reinterpret_cast<const unsigned char*>(input.data()),
                 input.size());
  std::string sig(len, '\0');
  EXPECT_EQ(EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char*>(sig.data()), &len,
                           reinterpret_cast<const unsigned char*>(input.data()), input.size()),
            1);
  sig.resize(len);
  if (!ec) return sig;
  // DER → r || s as JWS wants.
  const auto* p = reinterpret_cast<const unsigned char*>(sig.data());
  ECDSA_SIG* es = d2i_ECDSA_SIG(nullptr, &p, static_cast<long>(sig.size()));
  std::string raw(64, '\0');
  BN_bn2binpad(ECDSA_SIG_get0_r(es), reinterpret_cast<unsigned char*>(raw.data()), 32);
  BN_bn2binpad(ECDSA_SIG_get0_s(es), reinterpret_cast<unsigned char*>(raw.data()) + 32, 32);
  ECDSA_SIG_free(es);
  return raw;
}

const auto kNow = std::chrono::system_clock::time_point(std::chrono::seconds(1'800'000'000));

json::object claims() {
  const auto now =
      std::chrono::duration_cast<std::chrono::seconds>(kNow.time_since_epoch()).count();
  return {{"iss", "https://idp.test"}, {"sub", "user-1"},       {"aud", "bulwark-client"},
          {"exp", now + 300},          {"iat", now - 10},       {"nonce", "n-0S6_WzA2Mj"},
          {"email", "dana@acme.test"}, {"email_verified", true}};
}

std::string token(EVP_PKEY* key, const json::object& header, const json::object& payload, bool ec) {
  const std::string input =
      base64url_encode(json::serialize(header)) + "." + base64url_encode(json::serialize(payload));
  return input + "." + base64url_encode(sign(key, input, ec));
}

IdTokenExpectations expect() {
  return {"https://idp.test", "bulwark-client", "n-0S6_WzA2Mj", kNow};
}

struct OidcIdToken : ::testing::Test {
  Key rsa = make_rsa();
  Key ec = make_ec();
  int fetches = 0;
  json::array keys;
  JwksCache cache{[this](const std::string&) -> bulwark::Expected<std::string, std::string> {
    ++fetches;
    return json::serialize(json::object{{"keys", keys}});
  }};
  void SetUp() override {
    keys.emplace_back(rsa_jwk(rsa.get(), "r1"));
    keys.emplace_back(ec_jwk(ec.get(), "e1"));
  }
  bulwark::Expected<IdClaims, std::string> verify(const std::string& t,
                                                  const IdTokenExpectations& e = expect()) {
    return verify_id_token(t, e, cache, "https://idp.test/jwks");
  }
};

}  // namespace

TEST_F(OidcIdToken, sso_valid_rs256_and_es256_tokens_pass) {
  auto r = verify(token(rsa.get(), {{"alg", "RS256"}, {"kid", "r1"}}, claims(), false));
  ASSERT_TRUE(r) << r.error();
  EXPECT_EQ(r->subject, "user-1");
  EXPECT_EQ(r->email, "dana@acme.test");
  EXPECT_TRUE(r->email_verified);
  auto e = verify(token(ec.get(), {{"alg", "ES256"}, {"kid", "e1"}}, claims(), true));
  ASSERT_TRUE(e) << e.error();
  EXPECT_EQ(fetches, 1);  // cached
}

TEST_F(OidcIdToken, sso_forged_signature_refused) {
  Key other = make_rsa();
  auto t = token(other.get(), {{"alg", "RS256"}, {"kid", "r1"}}, claims(), false);
  EXPECT_EQ(verify(t).error(), "bad signature");
  // A changed payload under a genuine signature.
  auto good = token(rsa.get(), {{"alg", "RS256"}, {"kid", "r1"}}, claims(), false);
  auto c = claims();
  c["sub"] = "admin";
  const auto dot1 = good.find('.');
  const auto dot2 = good.find('.', dot1 + 1);
  auto tampered =
      good.substr(0, dot1 + 1) + base64url_encode(json::serialize(c)) + good.substr(dot2);
  EXPECT_EQ(verify(tampered).error(), "bad signature");
  // An RS256 header on an EC key's signature.
  auto mixed = token(ec.get(), {{"alg", "RS256"}, {"kid", "e1"}}, claims(), true);
  EXPECT_FALSE(verify(mixed));
}

TEST_F(OidcIdToken, sso_alg_none_refused) {
  const std::string t = base64url_encode(R"({"alg":"none"})") + "." +
                        base64url_encode(json::serialize(claims())) + ".";
  EXPECT_EQ(verify(t).error(), "algorithm not allowed");
  const std::string t2 = base64url_encode(R"({"alg":"RS256"})") + "." +
                         base64url_encode(json::serialize(claims())) + ".";
  EXPECT_FALSE(verify(t2));
}

TEST_F(OidcIdToken, sso_hs256_with_public_key_refused) {
  // The algorithm-confusion forgery: HMAC keyed with the provider's public key.
  const std::string input = base64url_encode(R"({"alg":"HS256","kid":"r1"})") + "." +
                            base64url_encode(json::serialize(claims()));
  const std::string secret = json::serialize(keys[0]);
  unsigned char mac[32];
  unsigned len = 0;
  HMAC(EVP_sha256(), secret.data(), static_cast<int>(secret.size()),
       reinterpret_cast<const unsigned char*>(input.data()), input.size(), mac, &len);
  const auto t = input + "." + base64url_encode({reinterpret_cast<char*>(mac), len});
  EXPECT_EQ(verify(t).error(), "algorithm not allowed");
}

TEST_F(OidcIdToken, sso_wrong_audience_issuer_nonce_refused) {
  const json::object h{{"alg", "RS256"}, {"kid", "r1"}};
  auto c = claims();
  c["aud"] = "someone-else";
  EXPECT_EQ(verify(token(rsa.get(), h, c, false)).error(), "wrong audience");
  c["aud"] = json::array{"someone-else", "bulwark-client"};
  EXPECT_EQ(verify(token(rsa.get(), h, c, false)).error(), "wrong authorized party");
  c["azp"] = "bulwark-client";
  EXPECT_TRUE(verify(token(rsa.get(), h, c, false)));
  c = claims();
  c["iss"] = "https://evil.test";
  EXPECT_EQ(verify(token(rsa.get(), h, c, false)).error(), "wrong issuer");
  c = claims();
  c["nonce"] = "another";
  EXPECT_EQ(verify(token(rsa.get(), h, c, false)).error(), "wrong nonce");
  c.erase("nonce");
  EXPECT_EQ(verify(token(rsa.get(), h, c, false)).error(), "wrong nonce");
}

TEST_F(OidcIdToken, sso_expired_and_future_tokens_refused) {
  const json::object h{{"alg", "RS256"}, {"kid", "r1"}};
  auto e = expect();
  e.now = kNow + std::chrono::seconds(300 + 121);
  EXPECT_EQ(verify(token(rsa.get(), h, claims(), false), e).error(), "token expired");
  e.now = kNow + std::chrono::seconds(300 + 100);  // inside the 2-minute skew
  EXPECT_TRUE(verify(token(rsa.get(), h, claims(), false), e));
  e.now = kNow - std::chrono::seconds(200);
  EXPECT_EQ(verify(token(rsa.get(), h, claims(), false), e).error(), "token issued in the future");
  auto c = claims();
  c.erase("exp");
  EXPECT_EQ(verify(token(rsa.get(), h, c, false)).error(), "exp and iat are required");
}

TEST_F(OidcIdToken, sso_unknown_kid_refetches_once_for_key_rotation) {
  EXPECT_TRUE(verify(token(rsa.get(), {{"alg", "RS256"}, {"kid", "r1"}}, claims(), false)));
  EXPECT_EQ(fetches, 1);
  Key rotated = make_rsa();
  keys.emplace_back(rsa_jwk(rotated.get(), "r2"));
  auto r = verify(token(rotated.get(), {{"alg", "RS256"}, {"kid", "r2"}}, claims(), false));
  ASSERT_TRUE(r) << r.error();
  EXPECT_EQ(fetches, 2);
  // A kid nobody has: at most one more fetch within the minute, then refused.
  EXPECT_FALSE(verify(token(rotated.get(), {{"alg", "RS256"}, {"kid", "zz"}}, claims(), false)));
  EXPECT_FALSE(verify(token(rotated.get(), {{"alg", "RS256"}, {"kid", "zz"}}, claims(), false)));
  EXPECT_EQ(fetches, 2);
}

TEST(Base64Url, sso_strict_alphabet_and_round_trip) {
  EXPECT_EQ(base64url_decode("aGVsbG8").value_or("x"), "hello");
  EXPECT_FALSE(base64url_decode("aGVsbG8="));  // no padding
  EXPECT_FALSE(base64url_decode("a+b/"));      // not the URL alphabet
  EXPECT_FALSE(base64url_decode("aGVsbG9"));   // non-zero leftover bits
  for (std::string s : {"", "a", "ab", "abc", "abcd", "\xff\xfe\x00"})
    EXPECT_EQ(base64url_decode(base64url_encode(s)).value_or("x"), s);
}

TEST(Jwks, sso_small_rsa_keys_and_enc_keys_skipped) {
  Key small{EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", size_t{1024}), EVP_PKEY_free};
  Key good = make_rsa();
  auto enc = rsa_jwk(good.get(), "enc");
  enc["use"] = "enc";
  json::object set{{"keys", json::array{rsa_jwk(small.get(), "small"), enc,
                                        json::object{{"kty", "oct"}, {"k", "AAAA"}},
                                        rsa_jwk(good.get(), "ok")}}};
  auto keys = parse_jwks(json::serialize(set));
  ASSERT_TRUE(keys);
  ASSERT_EQ(keys->size(), 1U);
  EXPECT_EQ((*keys)[0].kid, "ok");
  EXPECT_FALSE(parse_jwks("[]"));
}
