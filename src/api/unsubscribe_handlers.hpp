#pragma once
// One-click unsubscribe from service-reminder email (RFC 8058; issue 14
// item 8, CAN-SPAM). Public: the link's 256-bit token is the credential.
// GET shows (changes nothing: mail scanners fetch links); POST withdraws
// the customer's email consent. Mailbox providers POST
// "List-Unsubscribe=One-Click" server to server with no Origin header, which
// the same-origin rule lets through; a browser on another site is refused.
// The rules live in domain/service_plans/unsubscribe.hpp.
#include "api/endpoint.hpp"
#include "domain/service_plans/unsubscribe.hpp"
#include "http/router.hpp"

namespace bulwark::api {

Result<domain::service_plans::UnsubscribeView> show_unsubscribe(Ctx& ctx);
Result<domain::service_plans::UnsubscribeView> post_unsubscribe(Ctx& ctx);

void add_unsubscribe_routes(http::Router& r);

}  // namespace bulwark::api
