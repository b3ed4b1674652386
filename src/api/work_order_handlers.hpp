#pragma once
// /api/v1/work-orders: create, list (filters, keyset pages), read, update
// with optimistic concurrency, status transitions, history. Technicians see
// and move only the work orders assigned to them.
#include "app/context.hpp"

namespace bulwark::api {

http::Response list_work_orders(app::RequestContext& ctx);
http::Response create_work_order(app::RequestContext& ctx);
http::Response get_work_order(app::RequestContext& ctx);
http::Response update_work_order(app::RequestContext& ctx);
http::Response transition_work_order(app::RequestContext& ctx);
http::Response work_order_history(app::RequestContext& ctx);

}  // namespace bulwark::api
