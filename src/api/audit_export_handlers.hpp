#pragma once
// GET /api/v1/audit/export: the audit log as CSV or JSON Lines (issue 15
// item 6), with the list's filters, after a fresh second factor.
#include "api/endpoint.hpp"
#include "http/router.hpp"

namespace bulwark::api {

Result<http::Response> export_audit(Ctx& ctx);

void add_audit_export_routes(http::Router& r);

}  // namespace bulwark::api
