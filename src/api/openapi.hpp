#pragma once
#include "app/context.hpp"

namespace bulwark::api {

// OpenAPI 3.1 generated from the route table: paths, methods, parameters,
// security and the permission each operation needs.
boost::json::object openapi_document(const http::Router& router);
http::Response openapi(app::RequestContext& ctx);

}  // namespace bulwark::api
