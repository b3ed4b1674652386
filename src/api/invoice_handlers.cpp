#include "api/invoice_handlers.hpp"

#include "api/query_params.hpp"
#include "domain/invoices/metrics.hpp"
#include "domain/invoices/service.hpp"

namespace bulwark::api {

namespace invoices = domain::invoices;
using store::OrgTx;

Result<Created<invoices::InvoiceView>> create_invoice(Ctx& ctx, PathId work_order) {
  return created(in_org(ctx, [&](OrgTx& tx) {
    return invoices::create_from_work_order(tx, ctx.actor(), work_order, ctx.now_ms());
  }));
}

Result<Page<invoices::InvoiceSummary>> list_invoices(Ctx& ctx) {
  QueryParams q(ctx.request.query);
  q.allow_only({"status", "limit", "cursor"});
  invoices::InvoiceQuery query;
  query.limit = q.integer("limit", 1, 200).value_or(50);
  query.status = q.text("status", 20);
  query.before_id = q.integer("cursor", 1, INT64_MAX);
  return read_org(ctx, [&](OrgTx& tx) { return invoices::list(tx, query); });
}

Result<invoices::InvoiceView> get_invoice(Ctx& ctx, PathId id) {
  return read_org(ctx, [&](OrgTx& tx) { return invoices::get(tx, id); });
}

Result<invoices::InvoiceView> set_invoice_status(Ctx& ctx, PathId id,
                                                 LateBody<invoices::StatusChange> in) {
  return in_org(ctx, [&](OrgTx& tx) {
    return invoices::change_status(tx, ctx.actor(), id, in.checked(), ctx.now_ms());
  });
}

Result<invoices::BusinessMetrics> business_metrics(Ctx& ctx) {
  return read_org(ctx, [&](OrgTx& tx) {
    return Result<invoices::BusinessMetrics>(invoices::business_metrics(tx, ctx.now_ms()));
  });
}

}  // namespace bulwark::api
