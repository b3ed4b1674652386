#pragma once
// /api/v1/reports/*: the maintenance reports (issue 14 item 7) for the
// office (owners, admins, dispatchers: invoices.manage, as the asset cost
// per month), never technicians. The rules live in domain/reports/.
#include "api/endpoint.hpp"
#include "domain/reports/model.hpp"
#include "http/router.hpp"

namespace bulwark::api {

namespace reports = domain::reports;

Result<reports::PmComplianceReport> pm_compliance_report(Ctx& ctx);
Result<reports::MttrReport> mttr_report(Ctx& ctx);
Result<reports::AssetCostsReport> asset_costs_report(Ctx& ctx);

// Their route rows; added by api::build_router().
void add_report_routes(http::Router& r);

}  // namespace bulwark::api
