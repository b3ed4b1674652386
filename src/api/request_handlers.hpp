#pragma once
// Work requests (issue 14 item 6). Three parts: the request links of assets
// and sites with their QR labels (owner, admin, dispatcher); the public
// form a label opens (no session: the token is the credential, per-IP rate
// class, Origin-checked POST, and a per-link limit in the service); and the
// office's inbox with approve and decline. domain/requests/ has the rules.
#include "api/endpoint.hpp"
#include "domain/requests/model.hpp"
#include "http/router.hpp"

namespace bulwark::api {

namespace requests = domain::requests;

Result<requests::RequestLinkView> get_asset_request_link(Ctx& ctx, PathId asset);
Result<Created<requests::RequestLinkView>> make_asset_request_link(Ctx& ctx, PathId asset);
Result<requests::RequestLinkView> revoke_asset_request_link(Ctx& ctx, PathId asset);
Result<http::Response> asset_request_qr(Ctx& ctx, PathId asset);
Result<requests::RequestLinkView> get_site_request_link(Ctx& ctx, PathId site);
Result<Created<requests::RequestLinkView>> make_site_request_link(Ctx& ctx, PathId site);
Result<requests::RequestLinkView> revoke_site_request_link(Ctx& ctx, PathId site);
Result<http::Response> site_request_qr(Ctx& ctx, PathId site);

Result<requests::RequestForm> show_request_form(Ctx& ctx);
Result<Created<requests::RequestReceived>> file_work_request(Ctx& ctx,
                                                             Body<requests::NewRequest> in);

Result<Items<requests::WorkRequestView>> list_work_requests(Ctx& ctx);
Result<requests::WorkRequestView> get_work_request(Ctx& ctx, PathId id);
Result<requests::WorkRequestView> approve_work_request(Ctx& ctx, PathId id,
                                                       LateBody<requests::RequestApprove> in);
Result<requests::RequestDeclined> decline_work_request(Ctx& ctx, PathId id,
                                                       LateBody<requests::RequestDecline> in);

// The route rows, added by build_router().
void add_work_request_routes(http::Router& r);

}  // namespace bulwark::api
