#include "api/requester_handlers.hpp"

#include "api/session_route.hpp"
#include "domain/requests/requester.hpp"
#include "security/permissions.hpp"

namespace bulwark::api {

namespace requests = domain::requests;
using store::OrgTx;

Result<Items<requests::RequestPlace>> list_request_places(Ctx& ctx) {
  return read_org(ctx, [&](OrgTx& tx) { return requests::request_places(tx, ctx.now_ms()); });
}

Result<Items<requests::MyRequestView>> list_my_requests(Ctx& ctx) {
  return read_org(ctx, [&](OrgTx& tx) { return requests::my_requests(tx, ctx.who().user_id); });
}

Result<Created<requests::MyRequestView>> file_my_request(Ctx& ctx,
                                                         Body<requests::MyNewRequest> in) {
  const auto& who = ctx.who();
  const requests::Requester by{ctx.actor(), who.user_id, who.name.empty() ? who.email : who.name};
  return created(in_org(
      ctx, [&](OrgTx& tx) { return requests::file_my_request(tx, by, in.value, ctx.now_ms()); }));
}

void add_requester_routes(http::Router& r) {
  using http::Method;
  // No OAuth scope: "my requests" are a person's, an API client has none.
  const auto own = security::Permission::requests_own;
  add_session_route(r, Method::get, "/api/v1/my/request-places", own, "",
                    endpoint<list_request_places>(),
                    "The assets and sites you may report a problem on (those with a QR label)");
  add_session_route(r, Method::get, "/api/v1/my/requests", own, "", endpoint<list_my_requests>(),
                    "The work requests you filed, with their status and the work order's");
  add_session_route(r, Method::post, "/api/v1/my/requests", own, "", endpoint<file_my_request>(),
                    "File a work request on an asset or a site (subject, id, description)");
}

}  // namespace bulwark::api
