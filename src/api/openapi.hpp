#pragma once
#include <vector>

#include "app/context.hpp"

namespace bulwark::api {

// OpenAPI 3.1 generated from the route table: paths, methods, parameters,
// security, the permission each operation needs, and for each typed route its
// request body and success response, with their resources under
// components.schemas.
boost::json::object openapi_document(const http::Router& router);
http::Response openapi(app::RequestContext& ctx);

// A resource the typed routes read or write, and the side it is described
// for: a request (optional members may be left out) or a view.
struct ResourceDoc {
  const resource::TypeDoc* doc = nullptr;
  resource::Side side = resource::Side::view;
};
// Every resource of the route table (bodies, views and what they nest), once
// each, sorted by name. A type both sent and answered is described as a
// request (the looser of the two). Throws std::logic_error when two different
// types share a name: the OpenAPI document and the web app's types would
// confuse them.
std::vector<ResourceDoc> resource_docs(const http::Router& router);

}  // namespace bulwark::api
