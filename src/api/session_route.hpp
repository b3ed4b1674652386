#pragma once
// The common route row of an area's own route file (add_price_book_routes,
// add_org_routes, ...): a signed-in person (or, after the OAuth issue, an API
// client with `scope`) holding `need`, at the standard rate, on the handler
// pool. A GET only reads and has nothing to forge; every other method changes
// state and needs the Origin check and the session's CSRF token. Rows that
// differ (public, bcrypt, step-up, large bodies) are written out in full.
#include <string_view>

#include "http/router.hpp"
#include "security/permissions.hpp"

namespace bulwark::api {

// `limit`: the body size accepted (uploads take BULWARK_MAX_UPLOAD_BYTES).
void add_session_route(http::Router& r, http::Method m, const char* pattern,
                       security::Permission need, std::string_view scope, http::Endpoint handler,
                       const char* summary, http::BodyLimit limit = http::BodyLimit::standard);

// A public route whose path token is the credential (customer links,
// one-click unsubscribe; MUST-001's explicit exceptions): no session, the
// per-IP customer-link rate, a GET only reads, and any other method changes
// state behind the Origin check (a page elsewhere cannot post it).
void add_public_token_route(http::Router& r, http::Method m, const char* pattern,
                            http::Endpoint handler, const char* summary);

}  // namespace bulwark::api
