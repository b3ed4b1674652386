#pragma once
// The OAuth 2.0 token endpoint (RFC 6749 section 4.4, client credentials)
// and token revocation (RFC 7009) for API clients (issue 15 item 3). They
// speak OAuth, not Bulwark's envelope: form bodies in, and errors as
// {"error": "invalid_client", "error_description": ...} (RFC 6749 section 5.2).
#include "app/context.hpp"
#include "http/router.hpp"

namespace bulwark::api {

http::Response oauth_token(app::RequestContext& ctx);
http::Response oauth_revoke(app::RequestContext& ctx);

void add_oauth_routes(http::Router& r);

}  // namespace bulwark::api
