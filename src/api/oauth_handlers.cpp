#include "api/oauth_handlers.hpp"

#include <algorithm>
#include <boost/json.hpp>
#include <cctype>
#include <variant>

#include "crypto/random.hpp"
#include "domain/api_clients/model.hpp"
#include "domain/api_clients/tokens.hpp"
#include "webhooks/form_body.hpp"

namespace bulwark::api {

namespace {

namespace clients = domain::api_clients;

// RFC 6749 section 5.2. Every answer of the token endpoint is uncacheable
// (section 5.1), errors included.
http::Response oauth_json(int status, const boost::json::object& body) {
  auto r = app::json_response(status, body);
  r.headers.set("Cache-Control", "no-store");
  r.headers.set("Pragma", "no-cache");
  return r;
}

http::Response oauth_error(int status, std::string_view error, std::string_view description) {
  auto r = oauth_json(status, {{"error", error}, {"error_description", description}});
  // invalid_client is a 401, and a 401 names the scheme to use (RFC 6749
  // section 5.2, RFC 7235): HTTP Basic with the client's id and secret.
  if (status == 401) r.headers.set("WWW-Authenticate", "Basic realm=\"bulwark\"");
  return r;
}

http::Response invalid_request(std::string_view why) {
  return oauth_error(400, "invalid_request", why);
}
http::Response invalid_client() {
  return oauth_error(401, "invalid_client", "client authentication failed");
}

bool is_form(const http::Request& request) {
  const auto type = request.headers.get("content-type");
  if (!type) return false;
  std::string t(type->substr(0, type->find(';')));
  std::ranges::transform(t, t.begin(), [](unsigned char c) { return std::tolower(c); });
  while (!t.empty() && t.back() == ' ') t.pop_back();
  return t == "application/x-www-form-urlencoded";
}

// One value per name (RFC 6749 section 3.2: parameters are not repeated).
struct Form {
  webhooks::FormParams params;
  std::optional<std::string_view> get(std::string_view name) const {
    return webhooks::form_value(params, name);
  }
  bool repeats() const {
    for (std::size_t i = 0; i < params.size(); ++i)
      for (std::size_t j = i + 1; j < params.size(); ++j)
        if (params[i].first == params[j].first) return true;
    return false;
  }
};

// A form-urlencoded part of a Basic credential (RFC 6749 section 2.3.1).
std::optional<std::string> form_decoded(std::string_view part) {
  auto parsed = webhooks::parse_form("v=" + std::string(part));
  if (!parsed) return std::nullopt;
  auto v = webhooks::form_value(*parsed, "v");
  if (!v) return std::string{};
  return std::string(*v);
}

struct Credentials {
  std::string id, secret;
};

// client_secret_basic or client_secret_post, never both (section 2.3); the
// answer that refuses them otherwise.
std::variant<Credentials, http::Response> client_credentials(const http::Request& request,
                                                             const Form& form) {
  const auto header = request.headers.get("authorization");
  const auto post_id = form.get("client_id"), post_secret = form.get("client_secret");
  if (header) {
    if (post_secret) return invalid_request("use one client authentication method, not two");
    std::string_view v = *header;
    const auto space = v.find(' ');
    std::string scheme(v.substr(0, space));
    std::ranges::transform(scheme, scheme.begin(), [](unsigned char c) { return std::tolower(c); });
    if (scheme != "basic" || space == std::string_view::npos) return invalid_client();
    const auto decoded = crypto::from_base64(v.substr(space + 1));
    if (!decoded) return invalid_client();
    const auto colon = decoded->find(':');
    if (colon == std::string::npos) return invalid_client();
    auto id = form_decoded(std::string_view(*decoded).substr(0, colon));
    auto secret = form_decoded(std::string_view(*decoded).substr(colon + 1));
    if (!id || !secret) return invalid_client();
    if (post_id && *post_id != *id) return invalid_request("client_id does not match");
    return Credentials{std::move(*id), std::move(*secret)};
  }
  if (!post_id || !post_secret) return invalid_client();
  return Credentials{std::string(*post_id), std::string(*post_secret)};
}

// The form and the authenticated client, or the answer that refuses them.
std::variant<std::pair<Form, clients::AuthenticatedClient>, http::Response> authenticate(
    app::RequestContext& ctx) {
  if (!is_form(ctx.request))
    return invalid_request("the body must be application/x-www-form-urlencoded");
  auto params = webhooks::parse_form(ctx.request.body);
  if (!params) return invalid_request("the body is not valid form encoding");
  Form form{std::move(*params)};
  if (form.repeats()) return invalid_request("a parameter is repeated");
  auto creds = client_credentials(ctx.request, form);
  if (auto* refused = std::get_if<http::Response>(&creds)) return std::move(*refused);
  const auto& c = std::get<Credentials>(creds);
  auto client = clients::authenticate_client(ctx.services.db, c.id, c.secret, ctx.now_ms(),
                                             ctx.request.client_ip);
  if (!client) return invalid_client();
  // The client's IP allowlist (issue 15 item 5): its secret alone does not
  // work from elsewhere. Audited against the client.
  if (!clients::allowed_from(client->allowed_ips, ctx.request.client_ip)) {
    clients::audit_refusal(ctx.services.db, client->org_id, client->id, "api_client.ip_not_allowed",
                           ctx.request.client_ip);
    auto r =
        oauth_json(403, {{"error", "unauthorized_client"},
                         {"error_description", "this client may not be used from this address"},
                         {"reason", "ip_not_allowed"}});
    return r;
  }
  return std::pair{std::move(form), std::move(*client)};
}

}  // namespace

http::Response oauth_token(app::RequestContext& ctx) {
  auto authed = authenticate(ctx);
  if (auto* refused = std::get_if<http::Response>(&authed)) return std::move(*refused);
  auto& [form, client] = std::get<std::pair<Form, clients::AuthenticatedClient>>(authed);
  const auto grant = form.get("grant_type");
  if (!grant) return invalid_request("grant_type is required");
  if (*grant != "client_credentials")
    return oauth_error(400, "unsupported_grant_type", "only client_credentials is supported");
  // An optional narrowing: each scope asked for must be one the client holds.
  std::vector<std::string> scopes = client.scopes;
  if (const auto asked = form.get("scope"); asked && !asked->empty()) {
    scopes = clients::split_words(*asked);
    for (const auto& s : scopes)
      if (std::ranges::find(client.scopes, s) == client.scopes.end())
        return oauth_error(400, "invalid_scope", "this client may not ask for the scope " + s);
  }
  const auto issued =
      clients::issue_token(ctx.services.db, client, scopes, ctx.now_ms(), ctx.request.client_ip);
  return oauth_json(200, {{"access_token", issued.access_token},
                          {"token_type", "Bearer"},
                          {"expires_in", issued.expires_in},
                          {"scope", clients::join_words(issued.scopes)}});
}

http::Response oauth_revoke(app::RequestContext& ctx) {
  auto authed = authenticate(ctx);
  if (auto* refused = std::get_if<http::Response>(&authed)) return std::move(*refused);
  auto& [form, client] = std::get<std::pair<Form, clients::AuthenticatedClient>>(authed);
  const auto token = form.get("token");
  if (!token) return invalid_request("token is required");
  // RFC 7009 section 2.2: 200 whether or not the token was valid, so that
  // the answer tells nothing about other clients' tokens.
  clients::revoke_token(ctx.services.db, client, *token, ctx.request.client_ip);
  return oauth_json(200, boost::json::object{});
}

void add_oauth_routes(http::Router& r) {
  // Public: the client's id and secret in the request are the credential.
  // CSRF: like a webhook's signature, that credential is not ambient: a
  // browser on another site holds no cookie or secret that would make a
  // forged request act, so there is nothing to forge. The Origin check of
  // same_origin_only (the router's only rule for a public POST) costs
  // server-to-server clients nothing: they send no Origin. The auth rate
  // class: a guessed secret costs a token like a guessed password.
  const auto add = [&](const char* pattern, http::Handler handler, const char* summary) {
    r.add({.method = http::Method::post,
           .pattern = pattern,
           .auth = http::Auth::public_access,
           .permission = http::no_permission(),
           .rate = http::RateClass::auth,
           .effect = http::Effect::changes_state,
           .csrf = http::Csrf::same_origin_only,
           .execution = http::Execution::pool,
           .handler = std::move(handler),
           .summary = summary});
  };
  add("/oauth/token", oauth_token,
      "OAuth 2.0 token endpoint (client_credentials; client_secret_basic or client_secret_post; "
      "optional scope): an opaque bearer token for one hour");
  add("/oauth/revoke", oauth_revoke,
      "OAuth 2.0 token revocation (RFC 7009): 200 whether or not the token was known");
}

}  // namespace bulwark::api
