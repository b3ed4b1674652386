#pragma once
// /api/v1/pm-schedules: preventive-maintenance schedules on a site or asset.
#include "app/context.hpp"

namespace bulwark::api {

http::Response list_pm_schedules(app::RequestContext& ctx);
http::Response create_pm_schedule(app::RequestContext& ctx);
http::Response update_pm_schedule(app::RequestContext& ctx);

}  // namespace bulwark::api
