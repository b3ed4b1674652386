#pragma once
// Liveness, readiness and the web app's files.
#include "app/context.hpp"

namespace bulwark::api {

http::Response health(app::RequestContext& ctx);
http::Response ready(app::RequestContext& ctx);
http::Response web_app_file(app::RequestContext& ctx);

}  // namespace bulwark::api
