#pragma once
// The PDFs an office sends: the invoice and the pump-out report of a
// completed work order (src/render/ lays them out). Served as downloads,
// never cached.
#include "api/endpoint.hpp"

namespace bulwark::api {

Result<http::Response> invoice_pdf(Ctx& ctx, PathId id);
Result<http::Response> work_order_report_pdf(Ctx& ctx, PathId id);

}  // namespace bulwark::api
