#pragma once
// Invoices made from a completed work order (labour from its time entries at
// the org's rate, plus its parts), in integer cents; and the owners'
// business metrics. Technicians never reach either (no invoices.manage,
// no metrics.read).
#include "app/context.hpp"

namespace bulwark::api {

http::Response create_invoice(app::RequestContext& ctx);
http::Response list_invoices(app::RequestContext& ctx);
http::Response get_invoice(app::RequestContext& ctx);
http::Response set_invoice_status(app::RequestContext& ctx);
http::Response business_metrics(app::RequestContext& ctx);

}  // namespace bulwark::api
