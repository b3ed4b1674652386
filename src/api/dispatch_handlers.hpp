#pragma once
// The dispatcher's board: one week of scheduled work by technician, plus the
// open work that has no date or no technician yet, so it can be planned.
// Scheduling itself is a PATCH of the work order (scheduled_start/end,
// assignee_id) and goes through the same validation and version checks.
#include "app/context.hpp"

namespace bulwark::api {

http::Response dispatch_week(app::RequestContext& ctx);

}  // namespace bulwark::api
