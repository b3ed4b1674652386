#pragma once
// Customer links (issue 14 item 5): the public side (no session, its own
// per-IP rate class; GET never changes anything, because mail scanners and
// SMS previews fetch links; the confirmation is a POST with the Origin
// check) and the office's side on a work order. domain/links/ has the rules.
#include "api/endpoint.hpp"
#include "domain/links/model.hpp"

namespace bulwark::api {

namespace links = domain::links;

Result<links::CustomerLinkView> show_customer_link(Ctx& ctx);
Result<links::LinkConfirmed> confirm_customer_link(Ctx& ctx);
Result<http::Response> customer_link_report(Ctx& ctx);

Result<Created<links::IssuedCustomerLink>> issue_customer_link(Ctx& ctx, PathId wo,
                                                               LateBody<links::NewCustomerLink> in);
Result<Items<links::CustomerLinkSummary>> list_customer_links(Ctx& ctx, PathId wo);
Result<links::CustomerLinkSummary> revoke_customer_link(Ctx& ctx, PathId id);

// The route rows, added by build_router().
void add_customer_link_routes(http::Router& r);

}  // namespace bulwark::api
