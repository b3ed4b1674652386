#pragma once
// Assets at a site (a 1,000-gallon tank, a pump) and their meter readings.
#include "app/context.hpp"

namespace bulwark::api {

http::Response list_site_assets(app::RequestContext& ctx);
http::Response list_assets(app::RequestContext& ctx);
http::Response create_asset(app::RequestContext& ctx);
http::Response get_asset(app::RequestContext& ctx);
http::Response add_reading(app::RequestContext& ctx);
http::Response list_readings(app::RequestContext& ctx);

}  // namespace bulwark::api
