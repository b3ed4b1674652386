#pragma once
// The route rows of data-subject rights (issue 13 items 6 and 7), kept out of
// routes.cpp (which stays under 400 lines); added by api::build_router().
#include "http/router.hpp"

namespace bulwark::api {

void add_privacy_routes(http::Router& r);

}  // namespace bulwark::api
