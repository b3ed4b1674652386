#pragma once
// The route table: the single source of truth for what the server answers
// and how each endpoint is protected. Adding an endpoint is one row here
// plus its handler in the area's file.
#include "http/router.hpp"

namespace bulwark::api {

http::Router build_router();

}  // namespace bulwark::api
