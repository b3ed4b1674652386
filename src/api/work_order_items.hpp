#pragma once
// What gets recorded on a work order while it is worked: comments,
// checklist items, time entries and parts used, and the technician's day.
// Everything goes through the same scoped load as the work order itself, so
// technicians reach only their own; part costs are billing data: hidden
// from technicians and set only by the office. Time and parts stop changing
// once the work order's invoice is past draft.
#include "app/context.hpp"

namespace bulwark::api {

http::Response work_order_details(app::RequestContext& ctx);
http::Response add_comment(app::RequestContext& ctx);
http::Response add_checklist_item(app::RequestContext& ctx);
http::Response set_checklist_item(app::RequestContext& ctx);
http::Response add_time_entry(app::RequestContext& ctx);
http::Response add_part(app::RequestContext& ctx);
http::Response update_part(app::RequestContext& ctx);
http::Response my_day(app::RequestContext& ctx);

}  // namespace bulwark::api
