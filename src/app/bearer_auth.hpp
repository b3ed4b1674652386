#pragma once
// Bearer tokens of OAuth API clients (issue 15 item 3, RFC 6750) in the
// authenticate and authorize stages (app/pipeline.hpp). A token is looked up
// by its SHA-256 and becomes a Principal with session_id 0 (so the CSRF stage
// asks it for no token: it carries no ambient credential), the client's
// organization, its role ceiling as role and the client itself.
#include <optional>
#include <string_view>

#include "app/pipeline.hpp"

namespace bulwark::app {

// The token of an `Authorization: Bearer <token>` header (scheme in any
// case); an empty view for "Bearer" with nothing after it; nullopt when the
// request has no such header.
std::optional<std::string_view> bearer_token(const http::Request& request);
bool has_session_cookie(const http::Request& request);

// Sets ex.principal or answers: 401 invalid_token (unknown, expired,
// revoked), 429 (the client's own rate, per client id, `limit`).
Verdict authenticate_bearer(Exchange& ex, std::string_view token, security::RateLimit limit);

// A bearer principal needs the route's scope: 403 insufficient_scope with
// WWW-Authenticate naming it. Routes without a scope are for people only.
Verdict check_scope(Exchange& ex);

}  // namespace bulwark::app
