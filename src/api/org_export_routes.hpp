#pragma once
// "Export everything" (issue 13 item 8): the owner's asynchronous export of
// the whole organization; added by api::build_router().
#include "http/router.hpp"

namespace bulwark::api {

void add_org_export_routes(http::Router& r);

}  // namespace bulwark::api
