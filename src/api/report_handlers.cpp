#include "api/report_handlers.hpp"

#include "api/local_date_param.hpp"
#include "api/session_route.hpp"
#include "domain/reports/service.hpp"
#include "security/permissions.hpp"

namespace bulwark::api {

using store::OrgTx;

namespace {

// from= and to= (local dates, both included), and nothing else.
struct Dates {
  reports::LocalDay from, to;
};
Result<Dates> dates(const Ctx& ctx) {
  QueryParams q(ctx.request.query);
  q.allow_only({"from", "to"});
  BULWARK_TRY(const auto from, local_date_param(q, "from"));
  BULWARK_TRY(const auto to, local_date_param(q, "to"));
  return Dates{from, to};
}

}  // namespace

Result<reports::PmComplianceReport> pm_compliance_report(Ctx& ctx) {
  BULWARK_TRY(const auto d, dates(ctx));
  return read_org(
      ctx, [&](OrgTx& tx) { return reports::pm_compliance(tx, d.from, d.to, ctx.now_ms()); });
}

Result<reports::MttrReport> mttr_report(Ctx& ctx) {
  BULWARK_TRY(const auto d, dates(ctx));
  return read_org(ctx, [&](OrgTx& tx) { return reports::mttr(tx, d.from, d.to, ctx.now_ms()); });
}

Result<reports::AssetCostsReport> asset_costs_report(Ctx& ctx) {
  BULWARK_TRY(const auto d, dates(ctx));
  return read_org(ctx,
                  [&](OrgTx& tx) { return reports::asset_costs(tx, d.from, d.to, ctx.now_ms()); });
}

void add_report_routes(http::Router& r) {
  using http::Method;
  // Billing amounts and the office's view of the plant: invoices.manage.
  const auto office = security::Permission::invoices_manage;
  add_session_route(r, Method::get, "/api/v1/reports/pm-compliance", office, "invoices:read",
                    endpoint<pm_compliance_report>(),
                    "PM work orders due in a window (from=, to= local dates): on time, late, "
                    "missed, open, per schedule and in total");
  add_session_route(r, Method::get, "/api/v1/reports/mttr", office, "invoices:read",
                    endpoint<mttr_report>(),
                    "Mean time to repair per asset and overall (from=, to=): reactive work "
                    "orders and down-to-running downtime");
  add_session_route(r, Method::get, "/api/v1/reports/asset-costs", office, "invoices:read",
                    endpoint<asset_costs_report>(),
                    "Labour and parts cost per asset (from=, to=), highest first");
}

}  // namespace bulwark::api
