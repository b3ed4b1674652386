#pragma once
// OAuth 2.0 API clients (issue 15 item 3): admins create, list and revoke
// them. The rules live in domain/api_clients/service.cpp; the token endpoint
// in api/oauth_handlers.cpp.
#include "api/endpoint.hpp"
#include "domain/api_clients/model.hpp"
#include "http/router.hpp"

namespace bulwark::api {

namespace api_clients = domain::api_clients;

// A scope a route declares, for the admin page's checkboxes.
struct OAuthScopeView {
  std::string name;    // "work_orders:read"
  std::string area;    // "work_orders"
  std::string access;  // "read" | "write"
};
BULWARK_RESOURCE(OAuthScopeView, name, area, access)

Result<Items<api_clients::ApiClientView>> list_api_clients(Ctx& ctx);
Result<Created<api_clients::CreatedApiClient>> create_api_client(
    Ctx& ctx, Body<api_clients::NewApiClient> in);
Result<api_clients::ApiClientView> revoke_api_client(Ctx& ctx, PathId id);
Result<Items<OAuthScopeView>> list_oauth_scopes(Ctx& ctx);

// Every scope some route of the table declares, sorted.
const std::vector<std::string>& declared_scopes();

// Its route rows; added by api::build_router().
void add_api_client_routes(http::Router& r);

}  // namespace bulwark::api
