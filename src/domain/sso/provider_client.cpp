#include "domain/sso/provider_client.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <chrono>
#include <map>
#include <mutex>

#include "net/destination_policy.hpp"

namespace bulwark::domain::sso {

namespace {

using Clock = std::chrono::steady_clock;

struct CachedMeta {
  ProviderMeta meta;
  Clock::time_point at;
};

std::mutex& meta_mutex() {
  static std::mutex m;
  return m;
}
std::map<std::string, CachedMeta>& meta_cache() {
  static std::map<std::string, CachedMeta> cache;
  return cache;
}

std::string string_field(const boost::json::object& o, std::string_view key) {
  const auto* v = o.if_contains(key);
  return v != nullptr && v->is_string() ? std::string(v->as_string()) : std::string();
}

// RFC 6749 §2.3.1: the client id and secret are form-encoded before Basic.
std::string form_component(const std::string& s) {
  auto encoded = net::form_encode({{"x", s}});
  return encoded.substr(2);
}

}  // namespace

Expected<void, std::string> check_issuer_url(const std::string& issuer) {
  if (!issuer.starts_with("https://")) return unexpected(std::string("the issuer must use https"));
  if (issuer.find_first_of("?#") != std::string::npos)
    return unexpected(std::string("the issuer must not have a query or fragment"));
  auto dest = net::check_destination(issuer, net::outbound_settings());
  if (!dest) return unexpected(std::move(dest.error()));
  return {};
}

Expected<ProviderMeta, std::string> discover(const std::string& issuer) {
  const auto now = Clock::now();
  {
    std::lock_guard lock(meta_mutex());
    auto it = meta_cache().find(issuer);
    if (it != meta_cache().end() && now - it->second.at < std::chrono::minutes(5))
      return it->second.meta;
  }
  std::string base = issuer;
  while (base.ends_with('/')) base.pop_back();
  auto doc = net::get_json(base + "/.well-known/openid-configuration", net::outbound_settings());
  if (!doc) return unexpected("discovery failed: " + doc.error());
  if (!doc->is_object()) return unexpected(std::string("discovery failed: not a JSON object"));
  const auto& o = doc->as_object();
  ProviderMeta meta{string_field(o, "issuer"), string_field(o, "authorization_endpoint"),
                    string_field(o, "token_endpoint"), string_field(o, "jwks_uri")};
  if (meta.issuer != issuer)
    return unexpected(std::string("discovery names another issuer than the one configured"));
  for (const auto* url : {&meta.authorization_endpoint, &meta.token_endpoint, &meta.jwks_uri})
    if (!url->starts_with("https://") || url->size() > 2048)
      return unexpected(std::string("discovery lacks an https endpoint"));
  std::lock_guard lock(meta_mutex());
  meta_cache()[issuer] = {meta, now};
  return meta;
}

Expected<std::string, std::string> exchange_code(const ProviderMeta& meta, const TokenRequest& in) {
  net::PostRequest req;
  req.url = meta.token_endpoint;
  req.form = {{"grant_type", "authorization_code"},
              {"code", in.code},
              {"redirect_uri", in.redirect_uri},
              {"code_verifier", in.code_verifier}};
  req.basic_user = form_component(in.client_id);
  const std::string secret = form_component(in.client_secret);
  req.basic_password = secret;
  auto res = net::post_form_checked(req, net::outbound_settings());
  if (!res) return unexpected(std::move(res.error()));
  if (res->status != 200)
    return unexpected("the provider refused the token request (HTTP " +
                      std::to_string(res->status) + ")");
  boost::system::error_code ec;
  auto body = boost::json::parse(res->body, ec);
  if (ec || !body.is_object()) return unexpected(std::string("the token answer is not JSON"));
  auto id_token = string_field(body.as_object(), "id_token");
  if (id_token.empty()) return unexpected(std::string("the token answer has no ID token"));
  return id_token;
}

identity::oidc::JwksCache& jwks_cache() {
  static identity::oidc::JwksCache cache(
      [](const std::string& uri) -> Expected<std::string, std::string> {
        auto doc = net::get_json(uri, net::outbound_settings());
        if (!doc) return unexpected("the key set could not be fetched: " + doc.error());
        return boost::json::serialize(*doc);
      });
  return cache;
}

}  // namespace bulwark::domain::sso
