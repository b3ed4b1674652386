#include "identity/oidc/id_token.hpp"

#include <cmath>

#include "crypto/random.hpp"

namespace bulwark::identity::oidc {

namespace {

using std::chrono::seconds;
using std::chrono::system_clock;

std::optional<system_clock::time_point> time_claim(const boost::json::object& o,
                                                   std::string_view key) {
  const auto* v = o.if_contains(key);
  if (v == nullptr) return std::nullopt;
  std::int64_t s = 0;
  if (v->is_int64())
    s = v->as_int64();
  else if (v->is_uint64() && v->as_uint64() < (1ULL << 40))
    s = static_cast<std::int64_t>(v->as_uint64());
  else if (v->is_double() && std::isfinite(v->as_double()) && std::abs(v->as_double()) < 1e12)
    s = static_cast<std::int64_t>(v->as_double());
  else
    return std::nullopt;
  if (s < 0 || s > (1LL << 40)) return std::nullopt;
  return system_clock::time_point(seconds(s));
}

bool equal_constant_time(std::string_view a, std::string_view b) {
  return crypto::constant_time_equal(a, b);
}

}  // namespace

Expected<IdClaims, std::string> check_claims(const boost::json::object& p,
                                             const IdTokenExpectations& expect) {
  const auto* iss = p.if_contains("iss");
  if (iss == nullptr || !iss->is_string() || iss->as_string() != expect.issuer)
    return unexpected(std::string("wrong issuer"));
  const auto* aud = p.if_contains("aud");
  if (aud == nullptr) return unexpected(std::string("no audience"));
  if (aud->is_string()) {
    if (aud->as_string() != expect.client_id) return unexpected(std::string("wrong audience"));
  } else if (aud->is_array()) {
    bool ours = false;
    for (const auto& a : aud->as_array())
      if (a.is_string() && a.as_string() == expect.client_id) ours = true;
    if (!ours) return unexpected(std::string("wrong audience"));
    if (aud->as_array().size() > 1) {
      const auto* azp = p.if_contains("azp");
      if (azp == nullptr || !azp->is_string() || azp->as_string() != expect.client_id)
        return unexpected(std::string("wrong authorized party"));
    }
  } else {
    return unexpected(std::string("wrong audience"));
  }
  if (const auto* azp = p.if_contains("azp");
      azp != nullptr && (!azp->is_string() || azp->as_string() != expect.client_id))
    return unexpected(std::string("wrong authorized party"));
  const auto exp = time_claim(p, "exp");
  const auto iat = time_claim(p, "iat");
  if (!exp || !iat) return unexpected(std::string("exp and iat are required"));
  if (expect.now >= *exp + expect.skew) return unexpected(std::string("token expired"));
  if (*iat > expect.now + expect.skew) return unexpected(std::string("token issued in the future"));
  if (*iat < expect.now - std::chrono::hours(1)) return unexpected(std::string("token too old"));
  const auto* nonce = p.if_contains("nonce");
  if (expect.nonce.empty() || nonce == nullptr || !nonce->is_string() ||
      !equal_constant_time(nonce->as_string(), expect.nonce))
    return unexpected(std::string("wrong nonce"));
  const auto* sub = p.if_contains("sub");
  if (sub == nullptr || !sub->is_string() || sub->as_string().empty() ||
      sub->as_string().size() > 255)
    return unexpected(std::string("no subject"));
  IdClaims out;
  out.issuer = std::string(iss->as_string());
  out.subject = std::string(sub->as_string());
  if (const auto* email = p.if_contains("email"); email != nullptr && email->is_string())
    out.email = std::string(email->as_string());
  if (const auto* v = p.if_contains("email_verified"); v != nullptr && v->is_bool())
    out.email_verified = v->as_bool();  // only a JSON true counts, never "true"
  if (const auto* name = p.if_contains("name");
      name != nullptr && name->is_string() && name->as_string().size() <= 200)
    out.name = std::string(name->as_string());
  if (auto at = time_claim(p, "auth_time")) out.auth_time = *at;
  return out;
}

Expected<std::vector<Jwk>, std::string> JwksCache::fetch(const std::string& uri) {
  auto text = fetch_(uri);
  if (!text) return unexpected(std::move(text.error()));
  return parse_jwks(*text);
}

Expected<Pkey, std::string> JwksCache::key_for(const std::string& jwks_uri, const Jws& jws,
                                               std::chrono::steady_clock::time_point now) {
  auto pick = [&](const std::vector<Jwk>& keys) -> Pkey {
    Pkey found;
    int matches = 0;
    for (const auto& k : keys) {
      if (k.alg != jws.alg) continue;
      if (!jws.kid.empty() && k.kid != jws.kid) continue;
      found = k.key;
      ++matches;
    }
    // Without a kid the key must be unambiguous.
    return matches == 1 || !jws.kid.empty() ? found : nullptr;
  };
  std::unique_lock lock(mutex_);
  auto it = entries_.find(jwks_uri);
  bool unknown_kid = false;
  if (it != entries_.end() && now - it->second.fetched_at < std::chrono::hours(1)) {
    if (auto k = pick(it->second.keys)) return k;
    const auto& last = it->second.refetched_at;
    if (last && now - *last < std::chrono::minutes(1))
      return unexpected(std::string("no key for the token"));
    unknown_kid = true;
  }
  lock.unlock();  // no lock held across the network
  auto keys = fetch(jwks_uri);
  if (!keys) return unexpected(std::move(keys.error()));
  lock.lock();
  auto& entry = entries_[jwks_uri];
  entry.keys = std::move(*keys);
  entry.fetched_at = now;
  if (unknown_kid) entry.refetched_at = now;
  if (auto k = pick(entry.keys)) return k;
  return unexpected(std::string("no key for the token"));
}

Expected<IdClaims, std::string> verify_id_token(std::string_view token,
                                                const IdTokenExpectations& expect, JwksCache& keys,
                                                const std::string& jwks_uri) {
  auto jws = parse_jws(token);
  if (!jws) return unexpected(std::move(jws.error()));
  auto key = keys.key_for(jwks_uri, *jws, std::chrono::steady_clock::now());
  if (!key) return unexpected(std::move(key.error()));
  if (!verify_signature(*jws, key->get())) return unexpected(std::string("bad signature"));
  return check_claims(jws->payload, expect);
}

}  // namespace bulwark::identity::oidc
