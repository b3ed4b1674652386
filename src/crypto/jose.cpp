#include "crypto/jose.hpp"

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/param_build.h>

#include <array>
#include <boost/json/parse.hpp>

namespace bulwark::crypto::jose {

namespace {

constexpr std::size_t kMaxTokenBytes = 16 * 1024;
constexpr std::size_t kMaxJwksBytes = 256 * 1024;

int b64url_value(unsigned char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '-') return 62;
  if (c == '_') return 63;
  return -1;
}

std::optional<boost::json::object> parse_object(std::string_view text) {
  boost::system::error_code ec;
  boost::json::parse_options opts;
  opts.max_depth = 16;
  auto v = boost::json::parse(text, ec, {}, opts);
  if (ec || !v.is_object()) return std::nullopt;
  return std::move(v.as_object());
}

const boost::json::string* string_at(const boost::json::object& o, std::string_view key) {
  const auto* v = o.if_contains(key);
  return v != nullptr ? v->if_string() : nullptr;
}

std::optional<std::string> b64_field(const boost::json::object& o, std::string_view key) {
  const auto* s = string_at(o, key);
  if (s == nullptr) return std::nullopt;
  return base64url_decode(*s);
}

Pkey wrap(EVP_PKEY* raw) { return Pkey(raw, PkeyFree{}); }

Pkey rsa_key(const std::string& n, const std::string& e) {
  if (n.size() < 256 || n.size() > 1024 || e.empty() || e.size() > 8) return nullptr;
  std::unique_ptr<BIGNUM, decltype(&BN_free)> bn_n(
      BN_bin2bn(reinterpret_cast<const unsigned char*>(n.data()), static_cast<int>(n.size()),
                nullptr),
      BN_free);
  std::unique_ptr<BIGNUM, decltype(&BN_free)> bn_e(
      BN_bin2bn(reinterpret_cast<const unsigned char*>(e.data()), static_cast<int>(e.size()),
                nullptr),
      BN_free);
  if (!bn_n || !bn_e || BN_num_bits(bn_n.get()) < 2048) return nullptr;
  std::unique_ptr<OSSL_PARAM_BLD, decltype(&OSSL_PARAM_BLD_free)> bld(OSSL_PARAM_BLD_new(),
                                                                      OSSL_PARAM_BLD_free);
  if (!bld || OSSL_PARAM_BLD_push_BN(bld.get(), OSSL_PKEY_PARAM_RSA_N, bn_n.get()) != 1 ||
      OSSL_PARAM_BLD_push_BN(bld.get(), OSSL_PKEY_PARAM_RSA_E, bn_e.get()) != 1)
    return nullptr;
  std::unique_ptr<OSSL_PARAM, decltype(&OSSL_PARAM_free)> params(OSSL_PARAM_BLD_to_param(bld.get()),
                                                                 OSSL_PARAM_free);
  std::unique_ptr<EVP_PKEY_CTX, decltype(&EVP_PKEY_CTX_free)> ctx(
      EVP_PKEY_CTX_new_from_name(nullptr, "RSA", nullptr), EVP_PKEY_CTX_free);
  EVP_PKEY* raw = nullptr;
  if (!params || !ctx || EVP_PKEY_fromdata_init(ctx.get()) != 1 ||
      EVP_PKEY_fromdata(ctx.get(), &raw, EVP_PKEY_PUBLIC_KEY, params.get()) != 1)
    return nullptr;
  return wrap(raw);
}

Pkey ec_p256_key(const std::string& x, const std::string& y) {
  if (x.size() != 32 || y.size() != 32) return nullptr;
  std::string point = "\x04" + x + y;  // uncompressed SEC1 point
  std::array<OSSL_PARAM, 3> params{
      OSSL_PARAM_construct_utf8_string(OSSL_PKEY_PARAM_GROUP_NAME, const_cast<char*>("prime256v1"),
                                       0),
      OSSL_PARAM_construct_octet_string(OSSL_PKEY_PARAM_PUB_KEY, point.data(), point.size()),
      OSSL_PARAM_construct_end()};
  std::unique_ptr<EVP_PKEY_CTX, decltype(&EVP_PKEY_CTX_free)> ctx(
      EVP_PKEY_CTX_new_from_name(nullptr, "EC", nullptr), EVP_PKEY_CTX_free);
  EVP_PKEY* raw = nullptr;
  if (!ctx || EVP_PKEY_fromdata_init(ctx.get()) != 1 ||
      EVP_PKEY_fromdata(ctx.get(), &raw, EVP_PKEY_PUBLIC_KEY, params.data()) != 1)
    return nullptr;
  auto key = wrap(raw);
  // fromdata does not check that the point is on the curve; a check context does.
  std::unique_ptr<EVP_PKEY_CTX, decltype(&EVP_PKEY_CTX_free)> check(
      EVP_PKEY_CTX_new_from_pkey(nullptr, key.get(), nullptr), EVP_PKEY_CTX_free);
  if (!check || EVP_PKEY_public_check(check.get()) != 1) return nullptr;
  return key;
}

// JWS ES256 signatures are r || s (32 bytes each); OpenSSL wants DER.
std::string es256_to_der(std::string_view raw) {
  if (raw.size() != 64) return {};
  std::unique_ptr<ECDSA_SIG, decltype(&ECDSA_SIG_free)> sig(ECDSA_SIG_new(), ECDSA_SIG_free);
  BIGNUM* r = BN_bin2bn(reinterpret_cast<const unsigned char*>(raw.data()), 32, nullptr);
  BIGNUM* s = BN_bin2bn(reinterpret_cast<const unsigned char*>(raw.data()) + 32, 32, nullptr);
  if (!sig || r == nullptr || s == nullptr || ECDSA_SIG_set0(sig.get(), r, s) != 1) {
    BN_free(r);
    BN_free(s);
    return {};
  }
  const int len = i2d_ECDSA_SIG(sig.get(), nullptr);
  if (len <= 0) return {};
  std::string der(static_cast<std::size_t>(len), '\0');
  auto* out = reinterpret_cast<unsigned char*>(der.data());
  if (i2d_ECDSA_SIG(sig.get(), &out) != len) return {};
  return der;
}

}  // namespace

void PkeyFree::operator()(EVP_PKEY* key) const { EVP_PKEY_free(key); }

std::optional<std::string> base64url_decode(std::string_view text) {
  if (text.size() % 4 == 1) return std::nullopt;
  std::string out;
  out.reserve(text.size() * 3 / 4);
  unsigned buffer = 0;
  int bits = 0;
  for (unsigned char c : text) {
    const int v = b64url_value(c);
    if (v < 0) return std::nullopt;
    buffer = (buffer << 6U) | static_cast<unsigned>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push_back(static_cast<char>((buffer >> static_cast<unsigned>(bits)) & 0xFFU));
    }
  }
  // Leftover bits must be zero (one canonical encoding per byte string).
  if ((buffer & ((1U << static_cast<unsigned>(bits)) - 1U)) != 0) return std::nullopt;
  return out;
}

std::string base64url_encode(std::string_view bytes) {
  static constexpr char kAlphabet[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  std::string out;
  unsigned buffer = 0;
  int bits = 0;
  for (unsigned char c : bytes) {
    buffer = (buffer << 8U) | c;
    bits += 8;
    while (bits >= 6) {
      bits -= 6;
      out.push_back(kAlphabet[(buffer >> static_cast<unsigned>(bits)) & 0x3FU]);
    }
  }
  if (bits > 0) out.push_back(kAlphabet[(buffer << static_cast<unsigned>(6 - bits)) & 0x3FU]);
  return out;
}

Expected<Jws, std::string> parse_jws(std::string_view token) {
  if (token.size() > kMaxTokenBytes) return unexpected(std::string("token too large"));
  const auto dot1 = token.find('.');
  if (dot1 == std::string_view::npos) return unexpected(std::string("not a JWS"));
  const auto dot2 = token.find('.', dot1 + 1);
  if (dot2 == std::string_view::npos || token.find('.', dot2 + 1) != std::string_view::npos)
    return unexpected(std::string("not a JWS compact serialization"));
  const auto header_text = base64url_decode(token.substr(0, dot1));
  const auto payload_text = base64url_decode(token.substr(dot1 + 1, dot2 - dot1 - 1));
  auto signature = base64url_decode(token.substr(dot2 + 1));
  if (!header_text || !payload_text || !signature)
    return unexpected(std::string("bad base64url in the token"));
  const auto header = parse_object(*header_text);
  if (!header) return unexpected(std::string("the token's header is not a JSON object"));
  const auto* alg = string_at(*header, "alg");
  if (alg == nullptr) return unexpected(std::string("the token names no algorithm"));
  Jws out;
  if (*alg == "RS256")
    out.alg = JwsAlg::rs256;
  else if (*alg == "ES256")
    out.alg = JwsAlg::es256;
  else
    return unexpected(std::string("algorithm not allowed"));
  if (header->contains("crit")) return unexpected(std::string("critical header not understood"));
  if (const auto* kid = header->if_contains("kid")) {
    if (!kid->is_string()) return unexpected(std::string("the token's kid is not a string"));
    out.kid = std::string(kid->as_string());
  }
  auto payload = parse_object(*payload_text);
  if (!payload) return unexpected(std::string("the token's payload is not a JSON object"));
  if (signature->empty()) return unexpected(std::string("the token is not signed"));
  out.signing_input = std::string(token.substr(0, dot2));
  out.signature = std::move(*signature);
  out.payload = std::move(*payload);
  return out;
}

Expected<std::vector<Jwk>, std::string> parse_jwks(std::string_view json_text) {
  if (json_text.size() > kMaxJwksBytes) return unexpected(std::string("key set too large"));
  const auto doc = parse_object(json_text);
  if (!doc) return unexpected(std::string("the key set is not a JSON object"));
  const auto* keys = doc->if_contains("keys");
  if (keys == nullptr || !keys->is_array())
    return unexpected(std::string("the key set has no keys"));
  std::vector<Jwk> out;
  for (const auto& item : keys->as_array()) {
    if (!item.is_object() || out.size() >= 64) continue;
    const auto& k = item.as_object();
    const auto* kty = string_at(k, "kty");
    const auto* use = string_at(k, "use");
    const auto* alg = string_at(k, "alg");
    if (kty == nullptr || (use != nullptr && *use != "sig")) continue;
    Jwk jwk;
    if (const auto* kid = string_at(k, "kid")) jwk.kid = std::string(*kid);
    if (*kty == "RSA") {
      if (alg != nullptr && *alg != "RS256") continue;
      const auto n = b64_field(k, "n");
      const auto e = b64_field(k, "e");
      if (!n || !e) continue;
      jwk.alg = JwsAlg::rs256;
      jwk.key = rsa_key(*n, *e);
    } else if (*kty == "EC") {
      const auto* crv = string_at(k, "crv");
      if (crv == nullptr || *crv != "P-256" || (alg != nullptr && *alg != "ES256")) continue;
      const auto x = b64_field(k, "x");
      const auto y = b64_field(k, "y");
      if (!x || !y) continue;
      jwk.alg = JwsAlg::es256;
      jwk.key = ec_p256_key(*x, *y);
    }
    if (jwk.key) out.push_back(std::move(jwk));
  }
  return out;
}

bool verify_signature(const Jws& jws, EVP_PKEY* key) {
  if (key == nullptr) return false;
  const int type = EVP_PKEY_get_base_id(key);
  std::string der;
  std::string_view sig = jws.signature;
  if (jws.alg == JwsAlg::rs256) {
    if (type != EVP_PKEY_RSA) return false;
  } else {
    if (type != EVP_PKEY_EC) return false;
    der = es256_to_der(jws.signature);
    if (der.empty()) return false;
    sig = der;
  }
  std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), EVP_MD_CTX_free);
  if (!ctx || EVP_DigestVerifyInit(ctx.get(), nullptr, EVP_sha256(), nullptr, key) != 1)
    return false;
  return EVP_DigestVerify(ctx.get(), reinterpret_cast<const unsigned char*>(sig.data()), sig.size(),
                          reinterpret_cast<const unsigned char*>(jws.signing_input.data()),
                          jws.signing_input.size()) == 1;
}

}  // namespace bulwark::crypto::jose
