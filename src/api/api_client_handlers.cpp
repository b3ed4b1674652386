#include "api/api_client_handlers.hpp"

#include <algorithm>

#include "api/routes.hpp"
#include "api/session_route.hpp"
#include "domain/api_clients/service.hpp"

namespace bulwark::api {

using store::OrgTx;

const std::vector<std::string>& declared_scopes() {
  static const std::vector<std::string> kScopes = [] {
    std::vector<std::string> out;
    const auto router = build_router();
    for (const auto& r : router.routes())
      if (!r.scope.empty() && std::ranges::find(out, r.scope) == out.end())
        out.emplace_back(r.scope);
    std::ranges::sort(out);
    return out;
  }();
  return kScopes;
}

Result<Items<api_clients::ApiClientView>> list_api_clients(Ctx& ctx) {
  return read_org(ctx, [&](OrgTx& tx) { return api_clients::list(tx); });
}

Result<Created<api_clients::CreatedApiClient>> create_api_client(
    Ctx& ctx, Body<api_clients::NewApiClient> in) {
  const api_clients::Creator by{ctx.actor(), ctx.who().role, declared_scopes()};
  return created(
      in_org(ctx, [&](OrgTx& tx) { return api_clients::create(tx, by, in, ctx.now_ms()); }));
}

Result<api_clients::ApiClientView> revoke_api_client(Ctx& ctx, PathId id) {
  return in_org(ctx,
                [&](OrgTx& tx) { return api_clients::revoke(tx, ctx.actor(), id, ctx.now_ms()); });
}

Result<Items<OAuthScopeView>> list_oauth_scopes(Ctx&) {
  Items<OAuthScopeView> out;
  for (const auto& s : declared_scopes()) {
    const auto colon = s.find(':');
    out.items.push_back(
        {s, s.substr(0, colon), colon == std::string::npos ? std::string{} : s.substr(colon + 1)});
  }
  return out;
}

void add_api_client_routes(http::Router& r) {
  using http::Method;
  // Admins hand out API clients as they hand out roles to people
  // (users_manage): a client is an identity with a role. No scope: a token
  // can never mint or revoke clients, so a leaked one cannot make itself
  // permanent.
  const auto manage = security::Permission::users_manage;
  add_session_route(r, Method::get, "/api/v1/api-clients", manage, "", endpoint<list_api_clients>(),
                    "The organization's OAuth API clients (never their secrets), with last use");
  add_session_route(r, Method::post, "/api/v1/api-clients", manage, "",
                    endpoint<create_api_client>(),
                    "Create an OAuth API client {name, scopes, role, purpose, expires_at?, "
                    "allowed_ips?}; its client_secret is in this answer only");
  add_session_route(r, Method::del, "/api/v1/api-clients/{id:int}", manage, "",
                    endpoint<revoke_api_client>(), "Revoke an API client and every token it holds");
  add_session_route(r, Method::get, "/api/v1/oauth-scopes", manage, "",
                    endpoint<list_oauth_scopes>(),
                    "The OAuth scopes the route table declares (what a client may be given)");
}

}  // namespace bulwark::api
